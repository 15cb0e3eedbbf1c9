package dev.driftwatch.baseline;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A download stream that tells a cut-off transfer apart from a bad state: ending before the announced
 * length, or breaking off mid-way, is a {@link TruncatedDownloadException}.
 */
final class CompleteDownload extends FilterInputStream {

    private final long expected;
    private long received;

    /** @param expected the announced length, or -1 when none was announced */
    CompleteDownload(InputStream in, long expected) {
        super(in);
        this.expected = expected;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException e) {
            throw new TruncatedDownloadException(
                    "the download broke off after " + received + " bytes (" + e.getMessage() + ")");
        }
        if (n < 0 && expected >= 0 && received < expected) {
            throw new TruncatedDownloadException("the download ended after " + received + " of " + expected + " bytes");
        }
        received += Math.max(n, 0);
        return n;
    }
}
