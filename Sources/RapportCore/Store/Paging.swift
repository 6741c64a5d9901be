/// Which slice of a list to read: at most `limit` items after the cursor (the last id of the previous page).
public struct PageRequest: Equatable, Sendable {
    public static let defaultLimit = 50
    public static let maximumLimit = 500

    public var limit: Int
    public var after: Int64?

    public init(limit: Int = PageRequest.defaultLimit, after: Int64? = nil) {
        self.limit = limit
        self.after = after
    }
}

/// One page of a list, the number of items in the whole list, and where the next page starts.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var total: Int
    /// The id after which the next page starts, or nil on the last page.
    public var nextAfter: Int64?

    public init(items: [Item], total: Int, nextAfter: Int64?) {
        self.items = items
        self.total = total
        self.nextAfter = nextAfter
    }

    /// The same page with each item converted, as when records become API documents.
    public func map<Other: Sendable>(_ transform: (Item) throws -> Other) rethrows -> Page<Other> {
        Page<Other>(items: try items.map(transform), total: total, nextAfter: nextAfter)
    }
}

/// Filters for the candidate list; every filter given must hold.
public struct CandidateQuery: Equatable, Sendable {
    /// The candidate has every one of these skills.
    public var skillIDs: [SkillID]
    public var practiceID: PracticeID?
    public var region: Region?
    /// The candidate's availability is one of these.
    public var availability: [Availability.Status]
    /// Part of the name, any case.
    public var name: String?

    public init(
        skillIDs: [SkillID] = [], practiceID: PracticeID? = nil, region: Region? = nil,
        availability: [Availability.Status] = [], name: String? = nil
    ) {
        self.skillIDs = skillIDs
        self.practiceID = practiceID
        self.region = region
        self.availability = availability
        self.name = name
    }
}

/// Filters for the job list.
public struct JobQuery: Equatable, Sendable {
    public var status: JobStatus?
    public var clientID: ClientID?
    public var practiceID: PracticeID?
    public var region: Region?

    public init(status: JobStatus? = nil, clientID: ClientID? = nil, practiceID: PracticeID? = nil, region: Region? = nil) {
        self.status = status
        self.clientID = clientID
        self.practiceID = practiceID
        self.region = region
    }
}
