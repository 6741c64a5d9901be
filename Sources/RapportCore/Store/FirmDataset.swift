/// A whole firm's records with ids already assigned, in the order they must be loaded: what the demo generator
/// produces and a bulk load writes.
public struct FirmDataset: Sendable {
    public var practices: [Practice]
    public var users: [User]
    public var skills: [Skill]
    public var clients: [Client]
    public var jobs: [Job]
    /// Which shipped taxonomy the skills come from, if any.
    public var standardTaxonomyVersion: String?

    public init(
        practices: [Practice], users: [User], skills: [Skill], clients: [Client], jobs: [Job],
        standardTaxonomyVersion: String? = nil
    ) {
        self.practices = practices
        self.users = users
        self.skills = skills
        self.clients = clients
        self.jobs = jobs
        self.standardTaxonomyVersion = standardTaxonomyVersion
    }
}
