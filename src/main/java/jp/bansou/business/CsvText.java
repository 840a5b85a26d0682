package jp.bansou.business;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as the office system exports it: UTF-8 (Excel adds a BOM) or Shift_JIS, fields quoted when they
 * hold commas, quotes or line breaks. Each record keeps the line it starts on, for the error report. Commons
 * CSV reads the fields; what is ours is telling the encodings apart and the line numbers staff see in Excel.
 */
final class CsvText {

  static final Charset WINDOWS_31J = Charset.forName("windows-31j");

  /**
   * Excel's dialect: commas, quotes doubled inside a quoted field, CRLF or LF. Text after a closing quote is
   * kept (`"留萌"市` reads 留萌市), as hand-edited files have it.
   */
  private static final CSVFormat EXCEL = CSVFormat.RFC4180.builder()
      .setIgnoreEmptyLines(true)
      .setTrailingData(true)
      .get();

  record Record(int line, List<String> fields) {
    boolean blank() {
      return fields.stream().allMatch(String::isBlank);
    }
  }

  /**
   * UTF-8 when the bytes are valid UTF-8, otherwise Windows-31J (Shift_JIS as Windows writes it): Japanese
   * text in Shift_JIS is practically never valid UTF-8, so strict decoding tells the two apart.
   */
  static String decode(byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
        ? 3 : 0;
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, WINDOWS_31J);
    }
  }

  /**
   * The records, each with the line it starts on as Excel or a text editor numbers it (a quoted line break
   * makes the next record start further down). A quote opened and never closed refuses the file with that line.
   */
  static List<Record> parse(String text) {
    LineStarts lines = new LineStarts(text);
    List<Record> records = new ArrayList<>();
    long lastEnd = 0;
    try (CSVParser parser = EXCEL.parse(new StringReader(text))) {
      for (CSVRecord record : parser) {
        records.add(new Record(lines.lineAt(text, record.getCharacterPosition()), record.toList()));
        lastEnd = parser.getCurrentLineNumber();
      }
    } catch (IOException | UncheckedIOException unclosedQuote) {
      int line = (int) lastEnd + 1;
      throw new BusinessImport.Rejected(List.of(new BusinessImport.RowProblem(line,
          line + "行目から始まる項目の引用符（\"）が閉じられていません。項目を \" で閉じてから取り込んでください")));
    }
    return records;
  }

  /** Line numbers of character positions: a line ends at LF, CRLF or a lone CR. */
  private static final class LineStarts {
    private final int[] starts;

    LineStarts(String text) {
      List<Integer> found = new ArrayList<>(List.of(0));
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (c == '\r' || c == '\n') {
          found.add(i + 1);
        }
      }
      starts = found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The line of the record starting at this position; Commons CSV counts skipped empty lines into it. */
    int lineAt(String text, long start) {
      int position = (int) start;
      while (position < text.length() && (text.charAt(position) == '\r' || text.charAt(position) == '\n')) {
        position++;
      }
      int index = Arrays.binarySearch(starts, position);
      return (index >= 0 ? index : -index - 2) + 1;
    }
  }

  private CsvText() {}
}
