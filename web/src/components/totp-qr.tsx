import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The options the dashboard draws TOTP QR codes with (the e2e test draws the same to compare). */
export const TOTP_QR_OPTIONS = { type: 'svg', errorCorrectionLevel: 'M', margin: 1 } as const;

/**
 * The otpauth:// URL as a QR code for an authenticator app's camera. Its own module so the QR
 * library loads (lazily) only when someone enrols; drawn as SVG, so it stays sharp on any screen.
 */
export default function TotpQr({ otpauthUrl }: { otpauthUrl: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void QRCode.toString(otpauthUrl, TOTP_QR_OPTIONS).then((drawn) => { if (current) setSvg(drawn); }, () => { if (current) setSvg(null); });
    return () => { current = false; };
  }, [otpauthUrl]);
  if (!svg) return null;
  return <img className="qr" data-testid="totp-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt="QR code of the link, for your authenticator app's camera" />;
}
