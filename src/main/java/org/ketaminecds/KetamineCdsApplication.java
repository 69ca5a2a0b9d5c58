package org.ketaminecds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KetamineCdsApplication {

  public static void main(String[] args) {
    SpringApplication.run(KetamineCdsApplication.class, args);
  }
}
