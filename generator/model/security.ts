import type { Bundle } from "../load/bundle.js";

type Json = Record<string, unknown>;

/**
 * The OAuth scopes of an operation: every scope named by its security requirements (each requirement
 * is an alternative), in order, each declared by an oauth2 scheme.
 */
export function operationScopes(bundle: Bundle, operation: Json, where: string): string[] {
  const requirements = operation.security ?? bundle.document.security;
  if (!Array.isArray(requirements) || requirements.length === 0) {
    throw bundle.error(
      operation,
      undefined,
      `${where} has no security requirement`,
      "security: [{ oauth2: [scope, …] }, …] listing the method's OAuth scopes",
    );
  }
  const schemes = (bundle.deref<Json | undefined>((bundle.document.components as Json | undefined)?.securitySchemes) ??
    {}) as Json;
  const scopes: string[] = [];
  requirements.forEach((requirement: Json, index) => {
    for (const [schemeName, listed] of Object.entries(requirement ?? {})) {
      const scheme = bundle.deref<Json | undefined>(schemes[schemeName]);
      if (!scheme) {
        throw bundle.error(
          requirements,
          index,
          `${where} requires the undefined security scheme ${schemeName}`,
          "a scheme declared in components.securitySchemes",
        );
      }
      if (scheme.type !== "oauth2") continue;
      const declared = new Set(
        Object.values((scheme.flows ?? {}) as Record<string, Json>).flatMap((flow) =>
          Object.keys((flow.scopes ?? {}) as Json),
        ),
      );
      if (!Array.isArray(listed) || listed.length === 0) {
        throw bundle.error(
          requirement,
          schemeName,
          `${where} lists no OAuth scopes for ${schemeName}`,
          "at least one scope",
        );
      }
      for (const scope of listed) {
        if (!declared.has(scope)) {
          throw bundle.error(
            requirement,
            schemeName,
            `${where} uses the scope ${scope}, which ${schemeName} does not declare`,
            `one of ${[...declared].join(", ")}`,
          );
        }
        if (!scopes.includes(scope)) scopes.push(scope);
      }
    }
  });
  if (scopes.length === 0) {
    throw bundle.error(
      operation,
      "security",
      `${where} has no OAuth scopes`,
      "an oauth2 requirement listing the method's scopes",
    );
  }
  return scopes;
}
