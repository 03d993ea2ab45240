package io.glint.launcher;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code for the terminal: ZXing makes the matrix, each character shows two rows of modules with Unicode half
 * blocks. Light modules are printed as blocks, so the code reads on the usual dark terminal background (as
 * {@code qrencode -t UTF8} does).
 */
final class QrCode {
    private static final int QUIET_ZONE = 2;

    private QrCode() {
    }

    static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot make a QR code of " + text.length() + " characters: "
                    + e.getMessage(), e);
        }
    }

    static String render(String text) {
        BitMatrix m = matrix(text);
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y += 2) {
            for (int x = 0; x < m.getWidth(); x++) {
                boolean top = !m.get(x, y);
                boolean bottom = y + 1 < m.getHeight() ? !m.get(x, y + 1) : true;
                sb.append(top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ');
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }
}
