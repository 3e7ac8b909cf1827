/**
 * The Chromium extension's public key (base64 SPKI DER): it fixes the extension id to
 * `kcagfnckejhcojndaodgoddoaffpchff` in every build and version, unpacked or packed, so the
 * policies that force-install it (docs/deploiement.md) keep naming the same extension. The private
 * key that goes with it signs the .crx packages; it is never committed (see docs/deploiement.md,
 * "La clé de l'extension"). Firefox has its own stable id: `gecko.id` in wxt.config.ts.
 */
export const CHROMIUM_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwtwor5Ttks75jCRnOfImQcZBqGLGQWWyuLtUY+yAZdSKnFHWY5flVOKSCCx4xeGLCcGOAVvKhrxY2srxoIHTQmmb2fGtjfMcmxWDZF7RXdBhgbyp37GR6TcBSkiG7ZgQDOtXzpP+MeHs2BOaETi4MAmOmiVoKxbTkeHJFsfVyJ7PvSBJZpBiDswFullreNwhJQQZ3u8x3vATllZ+LdxOdShxecJnUFqLRTIPzH+X3Z4NBCMg2V2/LptuTgM0to3Cxf5O5NwL2mZ+//bwTO9Ose+wvh40c5ZWY8pFvi+1TQ9YxVvmUkKxjI3ELxNT7W7Sd/PqZAJXql7pbF54W4sSrwIDAQAB';

/** The id Chromium derives from that key (checked by tests/unit/release/extension-key.test.ts). */
export const CHROMIUM_EXTENSION_ID = 'kcagfnckejhcojndaodgoddoaffpchff';
