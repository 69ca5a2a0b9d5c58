package org.ketaminecds.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console page under /preview/ and the redirect from /, only while {@code cds.console.enabled=true}. Served from
 * classpath:/console/, deliberately not /static, so nothing of it exists when the console is off. Kept free of
 * dependencies: MVC slice tests pick up every {@link WebMvcConfigurer}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "cds.console", name = "enabled", havingValue = "true")
class ConsolePageConfig implements WebMvcConfigurer {

  static final String PAGE_LOCATION = "classpath:/console/";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/preview/**").addResourceLocations(PAGE_LOCATION);
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/", "/preview/");
    registry.addRedirectViewController("/preview", "/preview/");
    registry.addViewController("/preview/").setViewName("forward:/preview/index.html");
  }
}
