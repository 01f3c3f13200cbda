import type { JsonValue, Path, Range } from '../ast.js';
import type { WorkflowType } from '../definition.js';

/**
 * Facts about the host of an embedded definition, for host-aware rules (`asl/substitutions`,
 * `iam/role-permissions`). Every range is in host-file coordinates.
 */
export interface HostContext {
  readonly template: 'cloudformation' | 'sam' | 'serverless' | 'cdk';
  /** The state machine's logical id (template resource, serverless machine key, CDK construct id). */
  readonly logicalId?: string;
  /**
   * Names a `${Name}` placeholder of this definition may use. Undefined when the host cannot tell
   * (Serverless variables, CDK tokens): then placeholders are not checked.
   */
  readonly substitutions?: SubstitutionScope;
  /**
   * `${Name}` placeholders written literally in the definition. Intrinsic functions inside a definition
   * (`{ "Ref": "X" }`, a non-literal `Fn::Join` piece, a CDK expression) also become `${…}` text so that rules
   * treat them as unknown values, but they are not listed here.
   */
  readonly placeholders: readonly Placeholder[];
  /** The state machine's execution role when the host says which it is. */
  readonly role?: RoleFacts;
}

export interface SubstitutionScope {
  /** Keys of `DefinitionSubstitutions`: they resolve every placeholder of the definition. */
  readonly definitionSubstitutions: ReadonlySet<string>;
  /** Template parameters, for placeholders that an `Fn::Sub` resolves. */
  readonly parameters: ReadonlySet<string>;
  /** Logical ids of the template's resources (`${Resource}` and `${Resource.Attribute}`), for `Fn::Sub`. */
  readonly resources: ReadonlySet<string>;
}

export interface Placeholder {
  /** The text between `${` and `}`. */
  readonly name: string;
  /** The whole `${…}` in the host. */
  readonly range: Range;
  /** The definition path of the string (or value) that holds it. */
  readonly path: Path;
  /**
   * Present when an `Fn::Sub` resolves the placeholder (a `DefinitionString: !Sub …`, a `!Sub` value):
   * then only template parameters, resources, pseudo parameters and these variables of the `Fn::Sub` map
   * count (CloudFormation rejects any other name). `${!Name}` in an `Fn::Sub` is listed without `sub`: it
   * reaches Step Functions as `${Name}`, for DefinitionSubstitutions.
   */
  readonly sub?: { readonly variables: ReadonlySet<string> };
}

export interface RoleFacts {
  /**
   * `role-resource`: `RoleArn`/`Role` names an `AWS::IAM::Role` of this template.
   * `sam-policies`: SAM creates the role from the `Policies` property.
   * `external`: the role is not defined in this template (an ARN, a parameter): nothing to compare.
   */
  readonly kind: 'role-resource' | 'sam-policies' | 'external';
  /** The role resource's logical id (`role-resource`). */
  readonly logicalId?: string;
  /** The `RoleArn`, `Role` or `Policies` property value of the state machine. */
  readonly range: Range;
  /** Inline statements: the role's `Policies`, `AWS::IAM::Policy`/`ManagedPolicy` resources attached to it, SAM inline documents. */
  readonly statements: readonly PolicyStatementFact[];
  /** Managed policies by ARN or name (`ManagedPolicyArns`, SAM `Policies: [AWSLambdaRole]`): not readable here. */
  readonly managedPolicies: readonly { readonly value: JsonValue; readonly range: Range }[];
  /** SAM policy templates (`{ LambdaInvokePolicy: { FunctionName: … } }`): not expanded here. */
  readonly policyTemplates: readonly { readonly name: string; readonly parameters: JsonValue; readonly range: Range }[];
  /** Policy entries whose content is not literal (`!If`, `!Ref`): the role may grant more than `statements`. */
  readonly opaquePolicies: readonly { readonly range: Range }[];
  /**
   * SAM connectors whose source is this state machine (`AWS::Serverless::Connector` resources and the
   * machine's `Connectors` property): SAM adds the policies they imply to the machine's role.
   */
  readonly connectors?: readonly ConnectorFact[];
}

export interface ConnectorFact {
  /** The destination's logical id (`Destination.Id`), when it is a resource of the template. */
  readonly destinationId?: string;
  /** The destination resource's `Type` (`AWS::Serverless::Function`…), or `Destination.Type` for an ARN destination. */
  readonly destinationType?: string;
  /** `Read` and/or `Write`. */
  readonly permissions: readonly string[];
  /** The connector (resource or `Connectors` entry). */
  readonly range: Range;
}

export interface PolicyStatementFact {
  /** The statement as plain data; intrinsic functions are left as `{ "Fn::…": … }` objects. */
  readonly statement: JsonValue;
  readonly range: Range;
  /** The policy's name (`PolicyName`, or the policy resource's logical id). */
  readonly policyName?: string;
}

/** A definition kept in another file (`DefinitionUri`, CDK `DefinitionBody.fromFile`): the caller lints that file. */
export interface LinkedDefinition {
  /** The path as written, relative to the host file's directory. */
  readonly path: string;
  /** Where the reference is written in the host. */
  readonly range: Range;
  readonly host: 'cloudformation' | 'sam' | 'serverless' | 'cdk';
  readonly name?: string;
  readonly workflowType?: WorkflowType;
  readonly hostContext: HostContext;
}
