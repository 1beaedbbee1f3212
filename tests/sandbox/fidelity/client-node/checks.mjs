// SPDX-License-Identifier: MIT
// The official JavaScript client against azure-msi-sandbox. Prints one JSON line per check
// ({"check", "ok", "detail"}); the Python harness asserts on them. Usage: node checks.mjs KUBECONFIG
import * as k8s from '@kubernetes/client-node';

const kc = new k8s.KubeConfig();
kc.loadFromFile(process.argv[2]);
const core = kc.makeApiClient(k8s.CoreV1Api);
const custom = kc.makeApiClient(k8s.CustomObjectsApi);
const group = 'aadpodidentity.k8s.io';

function report(check, ok, detail) {
    console.log(JSON.stringify({ check, ok, detail: String(detail ?? '') }));
}

async function statusOf(promise) {
    try {
        await promise;
        return 200;
    } catch (e) {
        return e.code ?? e.statusCode ?? -1;
    }
}

// Go's url.ParseQuery turns '+' into a space; the client encodes the space in a set selector.
try {
    const list = await custom.listNamespacedCustomObject({ group, version: 'v1', namespace: 'team-a',
        plural: 'azureidentities', labelSelector: 'app in (a,b)' });
    report('labelSelectorWithSpaces', true, list.items.length);
} catch (e) {
    report('labelSelectorWithSpaces', false, e.body ?? e);
}

// dryRun=All on create persists nothing (apiserver handlers/create.go, rest.dryrun).
try {
    const body = { apiVersion: `${group}/v1`, kind: 'AzureIdentity', metadata: { name: 'js-dry' },
        spec: { type: 0, clientID: 'js' } };
    await custom.createNamespacedCustomObject({ group, version: 'v1', namespace: 'team-a',
        plural: 'azureidentities', body, dryRun: 'All' });
    const after = await statusOf(custom.getNamespacedCustomObject({ group, version: 'v1', namespace: 'team-a',
        plural: 'azureidentities', name: 'js-dry' }));
    report('dryRunCreatePersistsNothing', after === 404, after);
} catch (e) {
    report('dryRunCreatePersistsNothing', false, e.body ?? e);
}

// fieldValidation=Strict: unknown fields are a 400 BadRequest.
{
    const body = { apiVersion: `${group}/v1`, kind: 'AzureIdentity', metadata: { name: 'js-strict' },
        spec: { type: 0, clientID: 'js', bogus: true } };
    const code = await statusOf(custom.createNamespacedCustomObject({ group, version: 'v1', namespace: 'team-a',
        plural: 'azureidentities', body, fieldValidation: 'Strict' }));
    report('strictUnknownFieldIs400', code === 400, code);
}

// Schema types: spec.type must be an integer (422 Invalid).
{
    const body = { apiVersion: `${group}/v1`, kind: 'AzureIdentity', metadata: { name: 'js-type' },
        spec: { type: 'zero', clientID: 'js' } };
    const code = await statusOf(custom.createNamespacedCustomObject({ group, version: 'v1', namespace: 'team-a',
        plural: 'azureidentities', body }));
    report('wrongTypeIs422', code === 422, code);
}

// A ConfigMap round trip, and DELETE answers a Success Status for built-in kinds.
try {
    await core.createNamespacedConfigMap({ namespace: 'team-a',
        body: { metadata: { name: 'js-cm' }, data: { a: 'b' } } });
    const status = await core.deleteNamespacedConfigMap({ namespace: 'team-a', name: 'js-cm' });
    report('deleteAnswersStatus', status.status === 'Success', JSON.stringify(status));
} catch (e) {
    report('deleteAnswersStatus', false, e.body ?? e);
}

// Watch: the client's own framing over a real stream, with a label selector containing spaces.
await new Promise((resolve) => {
    const watch = new k8s.Watch(kc);
    let done = false;
    const finish = (ok, detail) => {
        if (!done) {
            done = true;
            report('watchSeesAdded', ok, detail);
            resolve();
        }
    };
    const timer = setTimeout(() => finish(false, 'no event within 10s'), 10000);
    watch.watch(`/apis/${group}/v1/namespaces/team-a/azureidentities`,
        { allowWatchBookmarks: true, labelSelector: 'app in (js, other)' },
        (type, obj) => {
            if (type === 'ADDED' && obj.metadata.name === 'js-watched') {
                clearTimeout(timer);
                finish(true, type);
            }
        },
        (err) => finish(false, err ?? 'closed')).then((req) => {
        custom.createNamespacedCustomObject({ group, version: 'v1', namespace: 'team-a', plural: 'azureidentities',
            body: { apiVersion: `${group}/v1`, kind: 'AzureIdentity',
                metadata: { name: 'js-watched', labels: { app: 'js' } }, spec: { type: 0, clientID: 'w' } } })
            .catch((e) => finish(false, e.body ?? e));
        setTimeout(() => req.abort(), 11000).unref();
    });
});
process.exit(0);
