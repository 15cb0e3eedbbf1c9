// Validates rendered manifests (multi-document YAML files given as arguments, one per rendering):
//  1. every object against the JSON schema of its apiVersion and kind: the Kubernetes API's from
//     kubernetes-models, the Prometheus Operator CRDs' (ServiceMonitor, PrometheusRule) from
//     @kubernetes-models/prometheus-operator. An object of a kind neither package knows fails.
//     The packages' validators do not reject fields a schema lacks, so a misspelt field would pass: the
//     fields each type has are read from the packages' type declarations (.d.ts), and any other is an error.
//  2. what the schemas cannot see: selectors that select the pod template, ports and names that refer to
//     something that exists, and the settings driftwatch relies on (grace period, probes, security).
// Exit code 1 with every problem listed, 0 when all is well.
import { readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

const groups = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};

const modules = join(dirname(fileURLToPath(import.meta.url)), "node_modules");

// Type name -> Map(field -> type of its value when that is a declared interface, else null).
const fields = new Map();
function declarations(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules") declarations(path);
    else if (entry.name.endsWith(".d.ts")) {
      const text = readFileSync(path, "utf8");
      const alias = new Map();
      for (const m of text.matchAll(/export type \{([^}]*)\}/g)) {
        for (const part of m[1].split(",")) {
          const [name, as] = part.trim().split(/\s+as\s+/);
          if (as) alias.set(name, as);
        }
      }
      for (const m of text.matchAll(/^export interface (\w+)[^{\n]*\{\n([\s\S]*?)^\}/gm)) {
        const props = new Map();
        for (const p of m[2].matchAll(/^    "([^"]+)"\??: (.*)$/gm)) {
          const type = p[2].match(/^(?:Array<)?(I\w+)>?;$/);
          props.set(p[1], type ? type[1] : null);
        }
        fields.set(alias.get(m[1]) ?? m[1], props);
      }
    }
  }
}
for (const pkg of ["kubernetes-models", "@kubernetes-models/apimachinery", "@kubernetes-models/prometheus-operator"]) {
  declarations(join(modules, pkg));
}

function unknownFields(value, type, path, out) {
  const props = fields.get(type);
  if (!props || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => unknownFields(v, type, `${path}[${i}]`, out));
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (!props.has(key)) out.push(`${path}.${key}: unknown field`);
    else if (props.get(key)) unknownFields(v, props.get(key), `${path}.${key}`, out);
  }
}

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
  const root = readFileSync(join(modules, module, `${obj.kind}.d.ts`), "utf8").match(new RegExp(`\\bI${obj.kind} as (\\w+)`));
  if (!root || !fields.has(root[1])) {
    problems.push(`${where}: no field list for ${obj.apiVersion} ${obj.kind}`);
  } else {
    const unknown = [];
    unknownFields(obj, root[1], "", unknown);
    unknown.forEach((u) => problems.push(`${where}: ${u.slice(1)}`));
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
  if (!names("ServiceAccount").has(pod.spec.serviceAccountName)) {
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

  for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
    if (main[probe] && main[probe].httpGet?.port !== "management") fail(deployment, `${probe} must use the management port`);
  }
  const services = byKind("Service");
  for (const s of services) {
    if (!matches(s.spec.selector, podLabels)) fail(s, "selector does not select the driftwatch pods");
    const management = s.metadata.labels?.["app.kubernetes.io/component"] === "management";
    for (const p of s.spec.ports) {
      const target = p.targetPort ?? p.port;
      if (!management && (target === "management" || target === 9000)) fail(s, "the API's Service must not expose the management port");
    }
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
console.log(`${checked} objects valid (schemas, unknown fields against ${fields.size} declared types, references)`);
