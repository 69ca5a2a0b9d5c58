package org.ketaminecds.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request without Content-Length whose body may be read up to a limit: one byte more throws
 * {@link RequestBodyTooLargeException} (413). Unlike buffering the body in the filter, reading happens where the
 * body budget and the read timeout apply (issue 13, item 3).
 */
class LimitedBodyRequest extends HttpServletRequestWrapper {

  private final long limitBytes;
  private ServletInputStream stream;

  LimitedBodyRequest(HttpServletRequest request, long limitBytes) {
    super(request);
    this.limitBytes = limitBytes;
  }

  @Override
  public synchronized ServletInputStream getInputStream() throws IOException {
    if (stream == null) {
      stream = new Limited(super.getInputStream(), limitBytes);
    }
    return stream;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    String encoding = getCharacterEncoding();
    Charset charset;
    try {
      charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedEncodingException(encoding);
    }
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }

  private static final class Limited extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long read;

    Limited(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw new RequestBodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
