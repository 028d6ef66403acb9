// A third-party, certified OpenID provider (npm `oidc-provider`, pinned in package.json) for the
// interoperability test: Stadsporten's staff sign-in is pointed at it and a real browser signs in
// and out through its own login, consent and logout pages.
//
// Usage: PORT=3919 RP_URL=http://127.0.0.1:3918 CLIENT_ID=… CLIENT_SECRET=… node oidc-provider.mjs
import Provider from 'oidc-provider';

const port = Number(process.env.PORT ?? 3919);
const rp = process.env.RP_URL ?? 'http://127.0.0.1:3918';

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: process.env.CLIENT_ID ?? 'stadsporten-staff',
      client_secret: process.env.CLIENT_SECRET ?? 'interop-secret',
      redirect_uris: [`${rp}/auth/callback`],
      post_logout_redirect_uris: [`${rp}/signed-out`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name'], email: ['email', 'email_verified'] },
  // Profile claims in the ID token itself (the service reads the name from it).
  conformIdTokenClaims: false,
  cookies: { keys: ['interop-test-cookie-key-not-secret'] },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, name: `Interop ${id}`, given_name: 'Interop', family_name: id, email: `${id}@interop.example` };
      },
    };
  },
});

provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider listening on http://127.0.0.1:${port}`);
});
