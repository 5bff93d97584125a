/** One `<resource>` of acl.xml, children sorted by `sortOrder` as Magento's ACL resource provider does. */
export interface AclResource {
  readonly id: string;
  readonly title: string | null;
  readonly sortOrder: number;
  readonly children: readonly AclResource[];
}

/**
 * The merged acl.xml resource tree (`<config><acl><resources>…`), parsed once at boot and frozen.
 * Role/rule evaluation lives elsewhere; this only answers what exists and where it sits.
 */
export class AclResourceTree {
  /**
   * Magento's root resource: not declared in any acl.xml (the ACL builder adds it), an `allow` on it grants
   * everything.
   */
  static readonly ROOT_RESOURCE_ID = 'Magento_Backend::all';

  private readonly byId = new Map<string, AclResource>();
  private readonly parents = new Map<string, string | null>();

  constructor(readonly resources: readonly AclResource[]) {
    const visit = (resource: AclResource, parent: string | null): void => {
      this.byId.set(resource.id, resource);
      this.parents.set(resource.id, parent);
      for (const child of resource.children) visit(child, resource.id);
    };
    for (const resource of resources) visit(resource, null);
    Object.freeze(this);
  }

  /** True for every declared id and for the root resource `Magento_Backend::all`. */
  has(id: string): boolean {
    return id === AclResourceTree.ROOT_RESOURCE_ID || this.byId.has(id);
  }

  get(id: string): AclResource | undefined {
    return this.byId.get(id);
  }

  /** The declared parent id, or null for a top-level resource (and for unknown ids). */
  parentOf(id: string): string | null {
    return this.parents.get(id) ?? null;
  }

  /** Ancestors of `id`, nearest first. */
  ancestorsOf(id: string): readonly string[] {
    const result: string[] = [];
    for (let parent = this.parentOf(id); parent !== null; parent = this.parentOf(parent)) result.push(parent);
    return result;
  }

  /** Every declared id, depth first in sort order. */
  ids(): readonly string[] {
    return [...this.byId.keys()];
  }
}
