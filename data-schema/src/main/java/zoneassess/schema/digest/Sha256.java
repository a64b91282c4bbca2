package zoneassess.schema.digest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The one SHA-256 helper of the project (commons-codec): lower-case hex digests of text (UTF-8),
 * bytes and streams, for manifests, run ids, snapshot checks and content hashes.
 */
public final class Sha256 {
  private Sha256() {}

  /** SHA-256 of the UTF-8 bytes of {@code text}, as 64 lower-case hex digits. */
  public static String hex(String text) {
    return DigestUtils.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** SHA-256 of {@code bytes}, as 64 lower-case hex digits. */
  public static String hex(byte[] bytes) {
    return DigestUtils.sha256Hex(bytes);
  }

  /** SHA-256 of everything left in {@code in} (not closed), as 64 lower-case hex digits. */
  public static String hex(InputStream in) throws IOException {
    return DigestUtils.sha256Hex(in);
  }
}
