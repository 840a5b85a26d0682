package jp.bansou.fair;

import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Lets the configuration write a fair's yearly days as {@code 09-13} rather than ISO's {@code --09-13}. */
@Component
@ConfigurationPropertiesBinding
class MonthDayBinding implements Converter<String, MonthDay> {

  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

  @Override
  public MonthDay convert(String source) {
    return MonthDay.parse(source.strip(), MONTH_DAY);
  }
}
