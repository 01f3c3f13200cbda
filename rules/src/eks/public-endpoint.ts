import { analyzeEksFlow, defineRule, describeIdentity, EKS_ENDPOINT_HOST_SUFFIXES, EKS_PARAMETERS, eksTasks, readEksField, witnessRelated, witnessText, type RuleContext, type Scope, type State } from '@asl-lint/core';

export default defineRule({
  meta: {
    id: 'eks/public-endpoint',
    description: 'eks:runJob and eks:call reach only clusters with a public HTTPS Kubernetes API endpoint',
    severity: 'error',
    fix: 'none',
    appliesTo: 'any',
    messages: {
      notUrl: 'State "{{state}}": Endpoint {{endpoint}} is not a URL; use the cluster\'s API server endpoint, e.g. "https://<id>.gr7.<region>.eks.amazonaws.com" (DescribeCluster cluster.endpoint)',
      notHttps: 'State "{{state}}": Endpoint {{endpoint}} uses {{scheme}}; Step Functions calls the Kubernetes API only over HTTPS — use the cluster\'s https:// endpoint',
      notEksHost: 'State "{{state}}": Endpoint {{endpoint}} is not an EKS API server endpoint (a host ending in {{suffixes}}); use the cluster\'s endpoint as DescribeCluster returns it',
      unreachableHost: 'State "{{state}}": Endpoint {{endpoint}} points at {{what}}, which Step Functions cannot reach: the EKS integrations need the cluster\'s public API endpoint (https://….{{suffix}}) with public access enabled',
      privateEndpointResult:
        'State "{{state}}" calls the Endpoint at {{endpoint}}, the result of "{{creator}}", which creates a cluster with ResourcesVpcConfig.EndpointPublicAccess false: {{witness}}. Step Functions reaches only clusters with a public endpoint; enable public access (restrict it with PublicAccessCidrs if needed)',
      privateCluster:
        'State "{{state}}" calls cluster {{cluster}}, which "{{creator}}" created with ResourcesVpcConfig.EndpointPublicAccess false: {{witness}}. Step Functions reaches only clusters with a public endpoint; enable public access (restrict it with PublicAccessCidrs if needed)',
    },
    docs: {
      whatItDoes: 'Checks the literal `Endpoint` of every `eks:runJob` and `eks:call`: it must be an `https://` URL whose host is not `localhost`, not an IP address in a private, loopback, link-local or shared (100.64.0.0/10) range, and not an `.internal` or `.local` name. A public host that is not an EKS endpoint (`….eks.amazonaws.com`, `….api.aws`, and the China equivalents) is reported as a warning: a copied console URL or a proxy. Endpoints given by a path or expression are not checked here.\n\nIt also follows the workflow\'s paths and reports an `eks:runJob` or `eks:call` on a cluster that this workflow created with `ResourcesVpcConfig.EndpointPublicAccess: false` (a literal `false`), matched by literal name or by the same path/expression text, or whose `Endpoint` is read from that create\'s result (`$.eks.Cluster.Endpoint` after `"ResultPath": "$.eks"`, while no later state overwrote or filtered it), on every path where no `eks:deleteCluster` or AWS SDK `eks:updateClusterConfig` of that name runs in between (an update may turn public access on; the rule cannot tell).',
      whyItMatters: `Step Functions runs outside your VPC: the EKS integrations work only with Kubernetes API servers that have public endpoint access. A private address or an in-cluster name can never be reached, and the Task fails at run time — after the states before it (often a cluster creation) have run. The value to use is the cluster's endpoint as DescribeCluster returns it (host ending in ${EKS_ENDPOINT_HOST_SUFFIXES.map((suffix) => `\`${suffix}\``).join(', ')}); after \`eks:createCluster.sync\` it is \`Cluster.Endpoint\` in the task result.`,
      examples: {
        invalid: [
          {
            title: 'A private address',
            code: '{\n  "StartAt": "Read job",\n  "States": {\n    "Read job": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:call",\n      "Parameters": {\n        "ClusterName": "batch",\n        "CertificateAuthority": "LS0tLS1CRUdJTg==",\n        "Endpoint": "https://10.0.12.7",\n        "Method": "GET",\n        "Path": "/apis/batch/v1/namespaces/default/jobs/report"\n      },\n      "End": true\n    }\n  }\n}\n',
          },
          {
            title: 'A call to a cluster this workflow created with a private endpoint',
            code: '{\n  "StartAt": "Create cluster",\n  "States": {\n    "Create cluster": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:createCluster.sync",\n      "Parameters": {\n        "Name": "batch",\n        "RoleArn": "arn:aws:iam::111122223333:role/eks-cluster",\n        "ResourcesVpcConfig": {\n          "SubnetIds": ["subnet-0aacf887d9f00e6a7", "subnet-0e5fc41e7507194ab"],\n          "EndpointPublicAccess": false,\n          "EndpointPrivateAccess": true\n        }\n      },\n      "ResultPath": "$.cluster",\n      "Next": "Read job"\n    },\n    "Read job": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:call",\n      "Parameters": {\n        "ClusterName": "batch",\n        "CertificateAuthority.$": "$.cluster.Cluster.CertificateAuthority.Data",\n        "Endpoint.$": "$.cluster.Cluster.Endpoint",\n        "Method": "GET",\n        "Path": "/apis/batch/v1/namespaces/default/jobs/report"\n      },\n      "ResultPath": null,\n      "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Delete cluster" }],\n      "Next": "Delete cluster"\n    },\n    "Delete cluster": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:deleteCluster.sync",\n      "Parameters": { "Name": "batch" },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
        valid: [
          {
            title: 'The endpoint from the createCluster.sync result',
            code: '{\n  "StartAt": "Read job",\n  "States": {\n    "Read job": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:call",\n      "Parameters": {\n        "ClusterName": "batch",\n        "CertificateAuthority.$": "$.cluster.Cluster.CertificateAuthority.Data",\n        "Endpoint.$": "$.cluster.Cluster.Endpoint",\n        "Method": "GET",\n        "Path": "/apis/batch/v1/namespaces/default/jobs/report"\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
      },
    },
  },
  check(context) {
    checkEndpointLiterals(context);
    checkPrivateClusters(context);
  },
});

/** The per-state part: an `Endpoint` literal that cannot be a public HTTPS Kubernetes API endpoint. */
function checkEndpointLiterals(context: RuleContext): void {
  for (const task of eksTasks(context.machine.states)) {
    if (task.spec?.family !== 'kubernetes') continue;
    const field = readEksField(task, EKS_PARAMETERS.endpoint);
    if (field?.kind !== 'literal' || typeof field.value !== 'string') continue;
    const raw = field.value.trim();
    // Template placeholders are resolved at deployment; the final text is unknown here.
    if (raw.includes('${')) continue;
    const data = { state: task.state.name, endpoint: JSON.stringify(field.value), suffix: EKS_ENDPOINT_HOST_SUFFIXES[0].slice(1) };
    const url = parseUrl(raw);
    if (!url) {
      context.report({ path: field.path, messageId: 'notUrl', data });
      continue;
    }
    if (url.protocol !== 'https:') {
      context.report({ path: field.path, messageId: 'notHttps', data: { ...data, scheme: url.protocol.slice(0, -1) } });
      continue;
    }
    const what = unreachableHost(url.hostname);
    if (what) context.report({ path: field.path, messageId: 'unreachableHost', data: { ...data, what } });
    else if (!isEksHost(url.hostname)) {
      // A proxy or an unusual setup may explain another host: a warning, not an error.
      context.report({ path: field.path, messageId: 'notEksHost', data: { ...data, suffixes: EKS_ENDPOINT_HOST_SUFFIXES.join(', ') }, severity: 'warning' });
    }
  }
}

/**
 * The path part: a Kubernetes call on a cluster this workflow created with its public endpoint turned off, named by
 * the same cluster name or reading its `Endpoint` from that create's result (`$.eks.Cluster.Endpoint`).
 */
function checkPrivateClusters(context: RuleContext): void {
  const flow = analyzeEksFlow(context.machine);
  for (const task of eksTasks(context.machine.states)) {
    if (task.spec?.family !== 'kubernetes') continue;
    const facts = flow.factsAt(task.state);
    const cluster = flow.clusterOf(task.state);
    const byName = cluster === undefined ? undefined : facts.find((candidate) => candidate.family === 'private-endpoint' && candidate.cluster === cluster);
    const endpoint = readEksField(task, EKS_PARAMETERS.endpoint);
    const fromResult = (resultPath: string) => endpoint?.kind === 'path' && endpoint.expression.trim() === `${resultPath}.Cluster.Endpoint`;
    const byResult = byName ? undefined : facts.find((candidate) => candidate.family === 'private-endpoint-result' && fromResult(candidate.cluster));
    const fact = byName ?? byResult;
    if (!fact) continue;
    const witness = flow.witnessTo(task.state, fact);
    const creator = witness[0]?.node.kind === 'state' ? witness[0].node.state : undefined;
    if (!creator) continue;
    const related = witnessRelated(witness, flow.graph.nodes, `${creator.name} creates a cluster with public endpoint access off`);
    if (byName && cluster !== undefined) {
      context.report({
        path: readEksField(task, task.spec.identifiers.cluster)?.path ?? task.payloadPath,
        messageId: 'privateCluster',
        data: { state: task.state.name, cluster: describeIdentity(cluster), creator: creator.name, witness: witnessText(witness, flow.graph.nodes) },
        related,
      });
    } else if (endpoint?.kind === 'path' && sameInput(task.state, creator)) {
      context.report({
        path: endpoint.path,
        messageId: 'privateEndpointResult',
        data: { state: task.state.name, endpoint: endpoint.expression.trim(), creator: creator.name, witness: witnessText(witness, flow.graph.nodes) },
        related,
      });
    }
  }
}

/** A path in `state` reads the same input data as in `creator`: same scope, or Parallel branches below it (not a Map item). */
function sameInput(state: State, creator: State): boolean {
  for (let scope: Scope | undefined = state.scope; scope; scope = scope.owner?.scope) {
    if (scope === creator.scope) return true;
    if (scope.kind !== 'branch') return false;
  }
  return false;
}

function isEksHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return EKS_ENDPOINT_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

function parseUrl(text: string): URL | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return undefined;
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Why a host cannot be reached from Step Functions, or undefined when it may be public. */
function unreachableHost(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'localhost';
  if (host.endsWith('.internal') || host === 'internal') return 'an internal host name (.internal)';
  if (host.endsWith('.local') || host === 'local') return 'a local host name (.local)';
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (ipv4) {
    const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
    if (a === 10) return 'a private IP address (10.0.0.0/8)';
    if (a === 172 && b >= 16 && b <= 31) return 'a private IP address (172.16.0.0/12)';
    if (a === 192 && b === 168) return 'a private IP address (192.168.0.0/16)';
    if (a === 100 && b >= 64 && b <= 127) return 'a shared-address-space IP address (100.64.0.0/10)';
    if (a === 127) return 'a loopback IP address (127.0.0.0/8)';
    if (a === 169 && b === 254) return 'a link-local IP address (169.254.0.0/16)';
    if (a === 0) return 'an unroutable IP address (0.0.0.0/8)';
    return undefined;
  }
  if (host.startsWith('[')) {
    const ipv6 = host.slice(1, -1);
    if (ipv6 === '::1') return 'a loopback IP address (::1)';
    if (/^f[cd][0-9a-f]{2}:/.test(ipv6)) return 'a private IP address (fc00::/7)';
    if (/^fe[89ab][0-9a-f]:/.test(ipv6)) return 'a link-local IP address (fe80::/10)';
  }
  return undefined;
}
