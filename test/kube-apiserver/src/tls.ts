import {
  KeyObject,
  constants,
  generateKeyPair as generateNativeKeyPair,
  privateEncrypt,
} from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

/** PEM strings for an HTTPS server and the CA clients must trust (kubeconfig `certificate-authority-data`). */
export interface TlsIdentity {
  caPem: string;
  certPem: string;
  keyPem: string;
}

interface KeyPair {
  privateKey: KeyObject;
  publicKey: forge.pki.PublicKey;
}

interface KeyPairs {
  ca: KeyPair;
  server: KeyPair;
}

const SERVER_HOSTS = { dnsNames: ['localhost'], ips: ['127.0.0.1', '::1'] };
const ONE_HOUR_MS = 60 * 60 * 1000;
const ONE_YEAR_MS = 365 * 24 * ONE_HOUR_MS;
/** DER prefix of a PKCS#1 v1.5 DigestInfo for SHA-256. */
const SHA256_DIGEST_INFO_PREFIX = Buffer.from(
  '3031300d060960864801650304020105000420',
  'hex',
);

let keyPairsPromise: Promise<KeyPairs> | undefined;
let sharedIdentityPromise: Promise<TlsIdentity> | undefined;

async function generateKeyPair(): Promise<KeyPair> {
  const { privateKey, publicKey } = await promisify(generateNativeKeyPair)(
    'rsa',
    { modulusLength: 2048 },
  );
  return {
    privateKey,
    publicKey: forge.pki.publicKeyFromPem(
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ),
  };
}

/** RSA key generation is the slow part, so a process generates its two key pairs once. */
function processKeyPairs(): Promise<KeyPairs> {
  keyPairsPromise ??= Promise.all([generateKeyPair(), generateKeyPair()]).then(
    ([ca, server]) => ({ ca, server }),
    error => {
      keyPairsPromise = undefined;
      throw error;
    },
  );
  return keyPairsPromise;
}

/**
 * node-forge's signer is pure JavaScript and slow under Jest's transform, so certificates are
 * signed with Node's native RSA: the same PKCS#1 v1.5 signature over forge's digest.
 */
function nativeSigner(privateKey: KeyObject): forge.pki.rsa.PrivateKey {
  const signer = {
    sign(digest: forge.md.MessageDigest) {
      const digestInfo = Buffer.concat([
        SHA256_DIGEST_INFO_PREFIX,
        Buffer.from(digest.digest().getBytes(), 'binary'),
      ]);
      return privateEncrypt(
        { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
        digestInfo,
      ).toString('binary');
    },
  };
  return signer as unknown as forge.pki.rsa.PrivateKey;
}

function randomSerialNumber(): string {
  // A leading 01 keeps the DER integer positive, which Go's x509 parser insists on.
  return `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
}

function newCertificate(
  publicKey: forge.pki.PublicKey,
  commonName: string,
  now: number,
): forge.pki.Certificate {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = randomSerialNumber();
  certificate.validity.notBefore = new Date(now - ONE_HOUR_MS);
  certificate.validity.notAfter = new Date(now + ONE_YEAR_MS);
  certificate.setSubject([{ name: 'commonName', value: commonName }]);
  return certificate;
}

/** Issues a fresh CA and server certificate for 127.0.0.1, ::1 and localhost. */
export async function createTlsIdentity(
  caCommonName = 'kube-apiserver-sim-ca',
): Promise<TlsIdentity> {
  const keys = await processKeyPairs();
  const now = Date.now();

  const ca = newCertificate(keys.ca.publicKey, caCommonName, now);
  ca.setIssuer(ca.subject.attributes);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    {
      name: 'keyUsage',
      keyCertSign: true,
      cRLSign: true,
      digitalSignature: true,
      critical: true,
    },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(nativeSigner(keys.ca.privateKey), forge.md.sha256.create());

  const server = newCertificate(keys.server.publicKey, 'kube-apiserver', now);
  server.setIssuer(ca.subject.attributes);
  server.setExtensions([
    { name: 'basicConstraints', cA: false },
    {
      name: 'keyUsage',
      digitalSignature: true,
      keyEncipherment: true,
      critical: true,
    },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        ...SERVER_HOSTS.dnsNames.map(value => ({ type: 2, value })),
        ...SERVER_HOSTS.ips.map(ip => ({ type: 7, ip })),
      ],
    },
    { name: 'subjectKeyIdentifier' },
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes(),
    },
  ]);
  server.sign(nativeSigner(keys.ca.privateKey), forge.md.sha256.create());

  return {
    caPem: forge.pki.certificateToPem(ca),
    certPem: forge.pki.certificateToPem(server),
    keyPem: keys.server.privateKey
      .export({ type: 'pkcs8', format: 'pem' })
      .toString(),
  };
}

/** The identity every server of this process uses unless it asks for its own CA. */
export function sharedTlsIdentity(): Promise<TlsIdentity> {
  sharedIdentityPromise ??= createTlsIdentity();
  return sharedIdentityPromise;
}
