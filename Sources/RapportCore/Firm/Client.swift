/// A company the firm recruits for.
public struct Client: Equatable, Sendable, Identifiable {
    public var id: ClientID
    public var version: Int
    public var details: ClientDetails

    public init(id: ClientID, version: Int, details: ClientDetails) {
        self.id = id
        self.version = version
        self.details = details
    }
}

/// The editable part of a client.
public struct ClientDetails: Equatable, Sendable {
    public var name: String
    public var industry: String
    public var region: Region
    public var website: String?
    public var notes: String

    public init(name: String, industry: String, region: Region, website: String? = nil, notes: String = "") {
        self.name = name
        self.industry = industry
        self.region = region
        self.website = website
        self.notes = notes
    }

    public func validate() throws(RapportError) {
        var validator = Validator()
        validator.text("name", name, maxLength: 200)
        validator.text("industry", industry, maxLength: 100)
        validator.optionalText("website", website, maxLength: 500)
        if let website, !website.hasPrefix("https://") && !website.hasPrefix("http://") {
            validator.fail("website", "must be an http or https URL")
        }
        validator.text("notes", notes, required: false, maxLength: 10_000)
        try validator.check()
    }
}
