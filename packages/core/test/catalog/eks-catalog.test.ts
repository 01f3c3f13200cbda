import { describe, expect, it } from 'vitest';
import { EKS_API_NAMES, EKS_APIS, EKS_PARAMETERS, eksPayloadSchema, requiredFields, specAt, validateEksPayload } from '../../src/index.js';

const runJobBase = {
  ClusterName: 'MyCluster',
  CertificateAuthority: 'ANPAJ2UCCR6DPCEXAMPLE',
  Endpoint: 'https://EXAMPLE.yl4.us-east-1.eks.amazonaws.com',
  Job: { apiVersion: 'batch/v1', kind: 'Job' },
};

describe('EKS catalog', () => {
  it('holds the eight optimized EKS APIs of the reference §2.1', () => {
    expect(EKS_API_NAMES).toEqual(['runJob', 'call', 'createCluster', 'deleteCluster', 'createNodegroup', 'deleteNodegroup', 'createFargateProfile', 'deleteFargateProfile']);
  });

  it('has the required parameters of reference Table (i)', () => {
    const required = Object.fromEntries(EKS_API_NAMES.map((api) => [api, requiredFields(EKS_APIS.get(api)!.parameters)]));
    expect(required).toEqual({
      runJob: ['ClusterName', 'CertificateAuthority', 'Endpoint', 'Job'],
      call: ['ClusterName', 'CertificateAuthority', 'Endpoint', 'Method', 'Path'],
      createCluster: ['Name', 'RoleArn', 'ResourcesVpcConfig'],
      deleteCluster: ['Name'],
      createNodegroup: ['ClusterName', 'NodegroupName', 'Subnets', 'NodeRole'],
      deleteNodegroup: ['ClusterName', 'NodegroupName'],
      createFargateProfile: ['FargateProfileName', 'ClusterName', 'PodExecutionRoleArn'],
      deleteFargateProfile: ['ClusterName', 'FargateProfileName'],
    });
  });

  it('supports .sync everywhere but eks:call, and callbacks nowhere', () => {
    for (const api of EKS_API_NAMES) {
      expect(EKS_APIS.get(api)!.patterns).toEqual(api === 'call' ? ['requestResponse'] : ['requestResponse', 'sync']);
    }
  });

  it('names identifier and role parameters that exist in the specs', () => {
    for (const spec of EKS_APIS.values()) {
      for (const key of Object.values(spec.identifiers)) expect(spec.parameters[key!]?.required, `${spec.api}.${key}`).toBe(true);
      for (const role of spec.passedRoles) expect(spec.parameters[role.key]?.required, `${spec.api}.${role.key}`).toBe(true);
    }
    expect(EKS_APIS.get('createCluster')!.identifiers.cluster).toBe('Name');
    expect(EKS_APIS.get('deleteCluster')!.identifiers.cluster).toBe('Name');
    expect(EKS_APIS.get('createNodegroup')!.passedRoles.map((r) => r.key)).toEqual(['NodeRole']);
  });

  it('declares every parameter name that rules read through EKS_PARAMETERS', () => {
    const all = new Set<string>();
    const visit = (fields: Record<string, any>) => {
      for (const [name, spec] of Object.entries(fields)) {
        all.add(name);
        if (spec.type === 'structure') visit(spec.fields);
      }
    };
    for (const spec of EKS_APIS.values()) visit(spec.parameters);
    for (const name of Object.values(EKS_PARAMETERS)) expect(all.has(name), name).toBe(true);
  });

  it('follows nested specs with specAt', () => {
    const createCluster = EKS_APIS.get('createCluster')!.parameters;
    expect(specAt(createCluster, ['ResourcesVpcConfig', 'EndpointPublicAccess'])?.type).toBe('boolean');
    expect(specAt(EKS_APIS.get('runJob')!.parameters, ['LogOptions', 'LogParameters', 'tailLines'])?.type).toBe('list');
    expect(specAt(EKS_APIS.get('createFargateProfile')!.parameters, ['Selectors', 0, 'Namespace'])?.type).toBe('string');
  });
});

describe('validateEksPayload', () => {
  it('accepts the documented runJob payload in both forms', () => {
    expect(validateEksPayload('runJob', 'Parameters', runJobBase)).toEqual([]);
    expect(validateEksPayload('runJob', 'Arguments', runJobBase)).toEqual([]);
  });

  it('accepts Key.$ for any key in Parameters, at any depth', () => {
    const payload = { 'ClusterName.$': '$.name', 'CertificateAuthority.$': '$.ca', 'Endpoint.$': '$.endpoint', 'Job.$': '$.job', LogOptions: { 'RetrieveLogs.$': '$.logs', LogParameters: { 'tailLines.$': 'States.Array($.n)' } } };
    expect(validateEksPayload('runJob', 'Parameters', payload)).toEqual([]);
  });

  it('accepts {% %} for any value in Arguments, including the whole payload', () => {
    expect(validateEksPayload('call', 'Arguments', '{% $states.input.request %}')).toEqual([]);
    const payload = { ClusterName: '{% $cluster %}', CertificateAuthority: '{% $ca %}', Endpoint: '{% $endpoint %}', Method: '{% $method %}', Path: '/api/v1/pods', QueryParameters: { limit: '{% [$string($n)] %}' } };
    expect(validateEksPayload('call', 'Arguments', payload)).toEqual([]);
  });

  it('reports missing, unknown, type, enum and constraint problems with paths (not X with X.$: asl/paths does)', () => {
    const payload = { ClusterName: 'MyCluster', 'ClusterName.$': '$.name', Endpoint: 42, Method: 'FETCH', Pth: '/api', QueryParameters: { limit: '10' } };
    expect(validateEksPayload('call', 'Parameters', payload)).toEqual([
      { kind: 'missing', path: [], key: 'CertificateAuthority' },
      { kind: 'missing', path: [], key: 'Path' },
      { kind: 'unknown', path: [], key: 'Pth', known: expect.arrayContaining(['Path', 'Path.$']) },
      { kind: 'type', path: ['Endpoint'], expected: 'a string' },
      { kind: 'enum', path: ['Method'], allowed: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH'] },
      { kind: 'type', path: ['QueryParameters', 'limit'], expected: 'a list of strings' },
    ]);
  });

  it('reports nested constraint problems with array indices', () => {
    const payload = { ClusterName: 'bad name!', FargateProfileName: 'p', PodExecutionRoleArn: 'arn', Selectors: [{ Namespace: 1 }, {}, {}, {}, {}, {}] };
    expect(validateEksPayload('createFargateProfile', 'Parameters', payload)).toEqual([
      { kind: 'constraint', path: ['ClusterName'], message: 'must contain only letters, digits, hyphens and underscores, starting with a letter or digit' },
      { kind: 'type', path: ['Selectors', 0, 'Namespace'], expected: 'a string' },
      { kind: 'constraint', path: ['Selectors'], message: 'must have at most 5 items' },
    ]);
  });

  it('leaves CloudFormation intrinsics and ${} placeholders alone', () => {
    expect(validateEksPayload('deleteCluster', 'Parameters', { Name: { Ref: 'Cluster' } })).toEqual([]);
    expect(validateEksPayload('deleteCluster', 'Parameters', { Name: '${ClusterName}' })).toEqual([]);
  });

  it('reports nested structures after the rest of the top level, and a value\'s own problems after those inside it', () => {
    const payload = { ResourcesVpcConfig: { SubnetIds: [1, 'subnet-2'], SecurityGroupIds: ['a', 'b', 'c', 'd', 'e', 'f'] }, Name: 'batch', Versio: '1.31', RoleArn: 5 };
    expect(validateEksPayload('createCluster', 'Parameters', payload)).toEqual([
      { kind: 'unknown', path: [], key: 'Versio', known: expect.arrayContaining(['Version', 'Version.$']) },
      { kind: 'type', path: ['RoleArn'], expected: 'a string' },
      { kind: 'type', path: ['ResourcesVpcConfig', 'SubnetIds', 0], expected: 'a string' },
      { kind: 'constraint', path: ['ResourcesVpcConfig', 'SecurityGroupIds'], message: 'must have at most 5 items' },
    ]);
  });

  it('counts string lengths in code points and checks limits on numbers that are not integers', () => {
    const nodegroup = { ClusterName: 'batch', NodegroupName: 'workers', NodeRole: 'arn:aws:iam::123456789012:role/nodes', Subnets: ['subnet-1'] };
    expect(validateEksPayload('createNodegroup', 'Parameters', { ...nodegroup, Taints: [{ Key: '😀'.repeat(63) }] })).toEqual([]);
    expect(validateEksPayload('createNodegroup', 'Parameters', { ...nodegroup, Taints: [{ Key: '😀'.repeat(64) }] })).toEqual([
      { kind: 'constraint', path: ['Taints', 0, 'Key'], message: 'must have at most 63 characters' },
    ]);
    expect(validateEksPayload('createNodegroup', 'Parameters', { ...nodegroup, ScalingConfig: { MinSize: -0.5 } })).toEqual([
      { kind: 'type', path: ['ScalingConfig', 'MinSize'], expected: 'an integer' },
      { kind: 'constraint', path: ['ScalingConfig', 'MinSize'], message: 'must be at least 0' },
    ]);
  });

  it('checks Key.$ values and .$ map entries as strings, and knows no .$ keys in Arguments', () => {
    const payload = { ClusterName: 'c', CertificateAuthority: 'QUJD', Endpoint: 'https://x', 'Method.$': 5, Path: '/', QueryParameters: { 'limit.$': [5] } };
    expect(validateEksPayload('call', 'Parameters', payload)).toEqual([
      { kind: 'type', path: ['Method.$'], expected: 'a string holding a path or an intrinsic function' },
      { kind: 'type', path: ['QueryParameters', 'limit.$'], expected: 'a string holding a path or an intrinsic function' },
    ]);
    expect(validateEksPayload('call', 'Arguments', payload)).toEqual([
      { kind: 'missing', path: [], key: 'Method' },
      { kind: 'unknown', path: [], key: 'Method.$', known: ['ClusterName', 'CertificateAuthority', 'Endpoint', 'Method', 'Path', 'QueryParameters', 'RequestBody'] },
      { kind: 'type', path: ['QueryParameters', 'limit.$', 0], expected: 'a string' },
    ]);
  });

  it('generates schemas with ajv-errors messages', () => {
    const schema = eksPayloadSchema('call', 'Parameters') as any;
    expect(schema.properties.Method).toMatchObject({ enum: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH'], errorMessage: { enum: 'must be one of GET, POST, PUT, DELETE, HEAD, PATCH' } });
    expect(schema.properties['Method.$']).toMatchObject({ type: 'string' });
    expect((eksPayloadSchema('call', 'Arguments') as any).if).toMatchObject({ pattern: '^\\{%[\\s\\S]*%\\}$' });
  });
});
