// SPDX-License-Identifier: MIT
// The Azure SDK for JavaScript against the simulator. MODE=arm: secret and certificate logins, subscriptions,
// identities of every subscription across pages, one identity, a resource group; MODE=mi: a managed identity
// token from whichever endpoint the environment names (App Service or IMDS). Prints one JSON line.
// disableInstanceDiscovery is the SDK's documented setting for private clouds (Azure Stack): without it the
// SDK would ask the public cloud, which a test must never reach.
import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential } from "@azure/identity";
import { ManagedServiceIdentityClient } from "@azure/arm-msi";
import { SubscriptionClient } from "@azure/arm-resources-subscriptions";

const e = process.env;
const base = e.SANDBOX_URL;
const scope = base + "/.default";
const out = {};
if (e.MODE === "mi") {
  out.miToken = (await new ManagedIdentityCredential().getToken(scope)).token;
} else {
  const opts = { authorityHost: base + "/", disableInstanceDiscovery: true };
  const client = { endpoint: base + "/", credentialScopes: [scope] };
  const secret = new ClientSecretCredential(e.AZURE_TENANT_ID, e.AZURE_CLIENT_ID, e.AZURE_CLIENT_SECRET, opts);
  const subscriptions = [];
  for await (const s of new SubscriptionClient(secret, client).subscriptions.list()) subscriptions.push(s.subscriptionId);
  out.subscriptions = subscriptions.length;
  out.identities = 0;
  let first;
  for (const s of subscriptions) {
    const msi = new ManagedServiceIdentityClient(secret, s, client);
    for await (const i of msi.userAssignedIdentities.listBySubscription()) {
      out.identities++;
      first ??= { s, i };
    }
  }
  const group = first.i.id.split("/")[4];
  const msi = new ManagedServiceIdentityClient(secret, first.s, client);
  out.shownClientId = (await msi.userAssignedIdentities.get(group, first.i.name)).clientId;
  out.listedClientId = first.i.clientId;
  out.inGroup = 0;
  for await (const i of msi.userAssignedIdentities.listByResourceGroup(group)) out.inGroup++;
  const cert = new ClientCertificateCredential(e.AZURE_TENANT_ID, e.CERT_APP, { certificatePath: e.CERT_PEM }, opts);
  out.certToken = (await cert.getToken(scope)).token;
}
console.log(JSON.stringify(out));
