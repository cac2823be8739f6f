import { X509Certificate } from 'node:crypto';
import { createTlsIdentity, sharedTlsIdentity } from './tls';

describe('TLS identity', () => {
  it('issues a server certificate for loopback signed by its CA', async () => {
    const identity = await sharedTlsIdentity();
    const ca = new X509Certificate(identity.caPem);
    const server = new X509Certificate(identity.certPem);
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.subjectAltName).toBe(
      'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
    );
    expect(
      server.checkPrivateKey(
        require('node:crypto').createPrivateKey(identity.keyPem),
      ),
    ).toBe(true);
    expect(new Date(server.validTo).getTime()).toBeGreaterThan(
      Date.now() + 300 * 24 * 3600 * 1000,
    );
  });

  it('is generated once per process and shared', async () => {
    expect(await sharedTlsIdentity()).toBe(await sharedTlsIdentity());
  });

  it('can issue another CA whose certificates the shared CA does not sign', async () => {
    const shared = await sharedTlsIdentity();
    const own = await createTlsIdentity('other-ca');
    expect(own.caPem).not.toBe(shared.caPem);
    expect(
      new X509Certificate(own.certPem).checkIssued(
        new X509Certificate(shared.caPem),
      ),
    ).toBe(false);
  });
});
