package org.ketaminecds.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * A JSON factory whose parsers refuse numbers that no FHIR decimal or CDS Hooks field can mean, before anything
 * converts them. Jackson's {@code StreamReadConstraints} bound a number's length (1,000 characters by default) but
 * not its exponent: {@code 1e999999999} is 11 characters, parses into a BigDecimal at once, and then costs minutes of
 * CPU or the heap when anything scales it or turns it into a BigInteger (the CQL engine rounds decimals to 8
 * places). A number whose written exponent lies outside {@code ±}{@value #MAX_EXPONENT} is refused with
 * {@link NumberOutOfRangeException}. With the length limit this bounds every number read to a magnitude below
 * 10^2000 and a scale below 2,000 digits; IEEE doubles, which EHRs' own JSON libraries use, end at about 1e308.
 */
public final class BoundedNumbersJsonFactory extends JsonFactory {

  /** Largest absolute value of the exponent written in a JSON number ({@code 1e1000} passes, {@code 1e1001} not). */
  public static final int MAX_EXPONENT = 1000;

  public BoundedNumbersJsonFactory() {
    super();
  }

  private BoundedNumbersJsonFactory(BoundedNumbersJsonFactory source) {
    super(source, null);
  }

  @Override
  public JsonFactory copy() {
    return new BoundedNumbersJsonFactory(this);
  }

  @Override
  protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
    return new Parser(super._createParser(in, context));
  }

  @Override
  protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
    return new Parser(super._createParser(reader, context));
  }

  @Override
  protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
      throws IOException {
    return new Parser(super._createParser(data, offset, length, context, recyclable));
  }

  @Override
  protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
    return new Parser(super._createParser(data, offset, length, context));
  }

  @Override
  protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
    return new Parser(super._createParser(input, context));
  }

  /** A number beyond {@link #MAX_EXPONENT}; {@link #pointer()} says where (RFC 6901), never the number. */
  public static final class NumberOutOfRangeException extends StreamConstraintsException {

    private final String pointer;

    NumberOutOfRangeException(String pointer) {
      super("number exponent beyond +-" + MAX_EXPONENT);
      this.pointer = pointer;
    }

    public String pointer() {
      return pointer;
    }
  }

  private static final class Parser extends JsonParserDelegate {

    Parser(JsonParser parser) {
      super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken token = delegate.nextToken();
      if (token == JsonToken.VALUE_NUMBER_FLOAT && !exponentWithinBound()) {
        throw new NumberOutOfRangeException(delegate.getParsingContext().pathAsPointer().toString());
      }
      return token;
    }

    /**
     * The underlying parser's own {@code nextFieldName} (a tree of a large body is read through it; the inherited
     * version goes token by token and reads each name twice), with the same check on a number it may have read.
     */
    @Override
    public String nextFieldName() throws IOException {
      String name = delegate.nextFieldName();
      if (name == null && delegate.currentToken() == JsonToken.VALUE_NUMBER_FLOAT && !exponentWithinBound()) {
        throw new NumberOutOfRangeException(delegate.getParsingContext().pathAsPointer().toString());
      }
      return name;
    }

    @Override
    public JsonToken nextValue() throws IOException {
      JsonToken token = nextToken();
      return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    /** Reads the exponent digits of the token's text without converting the number. */
    private boolean exponentWithinBound() throws IOException {
      char[] text = delegate.getTextCharacters();
      int start = delegate.getTextOffset();
      int end = start + delegate.getTextLength();
      int e = start;
      while (e < end && text[e] != 'e' && text[e] != 'E') {
        e++;
      }
      if (e == end) {
        return true;
      }
      int i = e + 1;
      if (i < end && (text[i] == '+' || text[i] == '-')) {
        i++;
      }
      while (i < end && text[i] == '0') {
        i++;
      }
      int exponent = 0;
      for (; i < end; i++) {
        exponent = exponent * 10 + (text[i] - '0');
        if (exponent > MAX_EXPONENT) {
          return false;
        }
      }
      return true;
    }
  }
}
