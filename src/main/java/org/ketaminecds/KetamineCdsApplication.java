package org.ketaminecds;

import java.util.Arrays;
import org.ketaminecds.contenttest.ContentTestCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KetamineCdsApplication {

  /** Starts the service; {@code test [DIR] ...} runs the content test command instead (no server). */
  public static void main(String[] args) {
    if (ContentTestCommand.requested(args)) {
      ContentTestCommand.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    SpringApplication.run(KetamineCdsApplication.class, args);
  }
}
