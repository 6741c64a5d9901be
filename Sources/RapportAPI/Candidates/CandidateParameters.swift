import RapportCore

/// The query parameters of the candidate routes, published in the OpenAPI document and read through these definitions.
public enum CandidateParameters {
    public static let skill = QueryParameter(name: "skill", description: "Skill id or name (aliases work, e.g. k8s); repeat for all of several. "
                                             + "A name no skill has answers 404.", schema: .string(maxLength: 100).nonBlank, repeated: true)
    public static let practice = QueryParameter.id("practice", "Home practice id.")
    public static let region = QueryParameter(name: "region", description: "Region.", schema: .enumeration(Region.self))
    public static let availability = QueryParameter(name: "availability", description: "Availability status; comma-separated for any of several.",
                                                    schema: .enumeration(Availability.Status.self), commaSeparated: true)
    public static let name = QueryParameter(name: "name", description: "Part of the name, any case.", schema: .string(maxLength: 100))

    /// The list's filters, in the order the document gives them.
    public static let filters = [skill, practice, region, availability, name]

    /// Creating someone who looks like a person already held is refused (409 `likely_duplicate`, naming them) unless
    /// the caller says it is someone else.
    public static let allowLikelyDuplicateOnCreate = QueryParameter.flag(
        "allowLikelyDuplicate", "Create the person even when they have the phone, or the name and a profile link, of someone already "
            + "held (the 409 likely_duplicate answer names them): say so only once a person has compared them")

    /// So is a change that gives someone the phone, or the name and a profile link, of another person held.
    public static let allowLikelyDuplicateOnUpdate = QueryParameter.flag(
        "allowLikelyDuplicate", "Store the change even when it gives the person the phone, or the name and a profile link, of someone "
            + "else held (the 409 likely_duplicate answer names them): say so only once a person has compared them")
}
