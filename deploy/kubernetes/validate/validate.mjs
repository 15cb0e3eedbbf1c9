// Validates rendered manifests (multi-document YAML files given as arguments, one per rendering):
//  1. every object against the JSON schema of its apiVersion and kind: the Kubernetes API's from
//     kubernetes-models, the Prometheus Operator CRDs' (ServiceMonitor, PrometheusRule) from
//     @kubernetes-models/prometheus-operator. An object of a kind neither package knows fails.
//  2. what the schemas cannot see: selectors that select the pod template, ports and names that refer to
//     something that exists, and the settings driftwatch relies on (grace period, probes, security).
// Exit code 1 with every problem listed, 0 when all is well.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import yaml from "js-yaml";

const groups = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};

const problems = [];
let checked = 0;

async function schemaCheck(file, obj) {
  const where = `${basename(file)}: ${obj?.kind}/${obj?.metadata?.name}`;
  if (!obj || typeof obj !== "object" || !obj.apiVersion || !obj.kind || !obj.metadata?.name) {
    problems.push(`${where}: apiVersion, kind and metadata.name are required`);
    return;
  }
  const module = groups[obj.apiVersion];
  const Model = module && (await import(module))[obj.kind];
  if (!Model) {
    problems.push(`${where}: no schema for ${obj.apiVersion} ${obj.kind}`);
    return;
  }
  try {
    new Model(obj).validate();
  } catch (e) {
    problems.push(`${where}: ${e.message}`);
  }
  checked++;
}

function matches(selector, labels) {
  return Object.entries(selector ?? {}).length > 0
    && Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

function semanticCheck(file, objects) {
  const fail = (obj, msg) => problems.push(`${basename(file)}: ${obj.kind}/${obj.metadata.name}: ${msg}`);
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const names = (kind) => new Set(byKind(kind).map((o) => o.metadata.name));
  const deployments = byKind("Deployment");
  if (deployments.length !== 1) problems.push(`${basename(file)}: one Deployment expected, found ${deployments.length}`);
  const deployment = deployments[0];
  if (!deployment) return;
  const pod = deployment.spec.template;
  const podLabels = pod.metadata?.labels;
  if (!matches(deployment.spec.selector?.matchLabels, podLabels)) fail(deployment, "selector does not select its pod template");
  const grace = pod.spec.terminationGracePeriodSeconds ?? 30;
  if (!(grace > 25)) fail(deployment, `terminationGracePeriodSeconds ${grace} is not above quarkus.shutdown.timeout (25 s)`);
  const ru = deployment.spec.strategy?.rollingUpdate;
  if (deployment.spec.strategy?.type !== "RollingUpdate" || ru?.maxUnavailable !== 0) fail(deployment, "rolling update with maxUnavailable 0 expected");
  if (!(deployment.spec.replicas >= 2)) fail(deployment, "at least two replicas expected");
  if (!pod.spec.securityContext?.runAsNonRoot) fail(deployment, "pod securityContext.runAsNonRoot must be true");
  if (pod.spec.securityContext?.seccompProfile?.type !== "RuntimeDefault") fail(deployment, "pod seccompProfile must be RuntimeDefault");

  const configMaps = names("ConfigMap");
  const volumes = new Map((pod.spec.volumes ?? []).map((v) => [v.name, v]));
  for (const v of volumes.values()) {
    if (v.configMap && !configMaps.has(v.configMap.name)) fail(deployment, `volume ${v.name}: no ConfigMap ${v.configMap.name}`);
  }
  if (pod.spec.serviceAccountName && !names("ServiceAccount").has(pod.spec.serviceAccountName)) {
    fail(deployment, `no ServiceAccount ${pod.spec.serviceAccountName}`);
  }
  const ports = new Set();
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    const sc = c.securityContext ?? {};
    if (sc.allowPrivilegeEscalation !== false || sc.readOnlyRootFilesystem !== true
        || !(sc.capabilities?.drop ?? []).includes("ALL")) {
      fail(deployment, `container ${c.name}: allowPrivilegeEscalation false, readOnlyRootFilesystem true and capabilities drop ALL expected`);
    }
    if (!c.resources?.requests?.memory || !c.resources?.limits?.memory) fail(deployment, `container ${c.name}: memory requests and limits expected`);
    for (const m of c.volumeMounts ?? []) if (!volumes.has(m.name)) fail(deployment, `container ${c.name}: no volume ${m.name}`);
    for (const e of c.envFrom ?? []) {
      if (e.configMapRef && !configMaps.has(e.configMapRef.name)) fail(deployment, `container ${c.name}: no ConfigMap ${e.configMapRef.name}`);
    }
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.configMapKeyRef;
      if (ref && !configMaps.has(ref.name)) fail(deployment, `container ${c.name}: env ${e.name}: no ConfigMap ${ref.name}`);
    }
    (c.ports ?? []).forEach((p) => ports.add(p.name).add(p.containerPort));
  }
  const main = pod.spec.containers[0];
  for (const [probe, path] of [["readinessProbe", "/q/health/ready"], ["livenessProbe", "/q/health/live"]]) {
    const get = main[probe]?.httpGet;
    if (get?.path !== path) fail(deployment, `${probe} on ${path} expected`);
    else if (!ports.has(get.port)) fail(deployment, `${probe}: the container has no port ${get.port}`);
  }
  if (!(main.volumeMounts ?? []).some((m) => m.mountPath === "/tmp")) fail(deployment, "a writable /tmp is needed with a read-only root file system");

  const services = byKind("Service");
  for (const s of services) {
    if (!matches(s.spec.selector, podLabels)) fail(s, "selector does not select the driftwatch pods");
    for (const p of s.spec.ports) if (!ports.has(p.targetPort ?? p.port)) fail(s, `port ${p.name}: the pods have no port ${p.targetPort}`);
  }
  for (const kind of ["PodDisruptionBudget", "NetworkPolicy"]) {
    for (const o of byKind(kind)) {
      const selector = kind === "NetworkPolicy" ? o.spec.podSelector : o.spec.selector;
      if (!matches(selector?.matchLabels, podLabels)) fail(o, "selector does not select the driftwatch pods");
    }
  }
  for (const sm of byKind("ServiceMonitor")) {
    const targets = services.filter((s) => matches(sm.spec.selector?.matchLabels, s.metadata.labels));
    if (targets.length === 0) fail(sm, "selects no Service");
    for (const ep of sm.spec.endpoints) {
      if (!targets.some((s) => s.spec.ports.some((p) => p.name === ep.port))) fail(sm, `no selected Service has a port named ${ep.port}`);
    }
  }
  for (const rule of byKind("PrometheusRule")) {
    if (!(rule.spec.groups?.length > 0)) fail(rule, "no rule groups");
  }
}

for (const file of process.argv.slice(2)) {
  let objects;
  try {
    objects = yaml.loadAll(readFileSync(file, "utf8")).filter((o) => o !== null);
  } catch (e) {
    problems.push(`${basename(file)}: ${e.message}`);
    continue;
  }
  for (const obj of objects) await schemaCheck(file, obj);
  try {
    semanticCheck(file, objects);
  } catch (e) {
    problems.push(`${basename(file)}: ${e.message}`);
  }
  console.log(`${basename(file)}: ${objects.length} objects (${[...new Set(objects.map((o) => o.kind))].join(", ")})`);
}
if (problems.length > 0) {
  console.error(problems.map((p) => `  ${p}`).join("\n"));
  console.error(`${problems.length} problem(s) in the Kubernetes manifests`);
  process.exit(1);
}
console.log(`${checked} objects valid`);
