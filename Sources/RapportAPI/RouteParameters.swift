import RapportCore

// The query parameters of the API's routes, each declared once: the OpenAPI document publishes these definitions and
// the routes read through them. The candidate, job and import routes keep theirs beside their documents.

/// A list's page: how many items, and where the previous page ended.
public enum PageParameters {
    public static let limit = QueryParameter.integer("limit", "Items per page", in: 1...PageRequest.maximumLimit, default: PageRequest.defaultLimit)
    public static let cursor = QueryParameter(name: "cursor", description: "nextCursor of the previous page.", schema: Cursor.schema)
}

/// Page cursors: the id a page ended after, in decimal. Clients pass back the `nextCursor` they were given.
public enum Cursor {
    /// What a cursor looks like, as the OpenAPI document states it.
    public static let schema = Schema.string("nextCursor of the previous page.", pattern: "^[0-9]{1,18}$")

    public static func encode(_ after: Int64) -> String {
        String(after)
    }

    public static func decode(_ text: String) -> Int64? {
        guard (1...18).contains(text.utf8.count), text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Int64(text)
    }
}

public enum OutreachParameters {
    public static let candidate = QueryParameter.id("candidateID", "Whose messages, replies or surveys.", required: true)
    public static let messageLimit = QueryParameter.integer("limit", "At most this many messages", in: 1...500, default: 50)
    public static let myObligationLimit = QueryParameter.integer("limit", "At most this many", in: 1...1000, default: 200)
    public static let unansweredLimit = QueryParameter.integer("limit", "At most this many", in: 1...5000, default: 500)
    public static let touchesWithinDays = QueryParameter.integer("withinDays", "Look ahead this many days", in: 0...90, default: 0)
}

public enum PipelineParameters {
    public static let submissionCandidate = QueryParameter.id("candidateID", "Whose submissions.")
    public static let submissionJob = QueryParameter.id("jobID", "Which job's submissions.")
    public static let placementCandidate = QueryParameter.id("candidateID", "Whose placements.")
    public static let endingWithinDays = QueryParameter.integer("endingWithinDays", "Days ahead", in: 0...366, default: 42)
    public static let endingLimit = QueryParameter.integer("limit", "At most this many ending soon", in: 1...1000, default: 100)
    public static let tasksWithinDays = QueryParameter.integer("withinDays", "Days ahead", in: 0...366, default: 0)
    public static let everyonesTasks = QueryParameter.flag("all", "Everyone's tasks")
    public static let openings = QueryParameter.integer("openings", "How many openings", in: 0...20, default: 5)
    public static let overlapPractice = QueryParameter.id("practiceID", "Overlaps involving this practice.")
    public static let overlapDays = QueryParameter.integer("days", "How far back, in days", in: 1...366, default: 30)
}

public enum MatchParameters {
    public static let candidateLimit = QueryParameter.integer("limit", "How many", in: 1...200, default: 50)
    public static let includeIneligible = QueryParameter.flag("includeIneligible", "Also list candidates ruled out by a deal-breaker")
    public static let jobLimit = QueryParameter.integer("limit", "How many", in: 1...200, default: 20)
}

public enum InsightParameters {
    /// `period=2026-10` or `2026-Q4`; the current month when left out.
    public static let period = QueryParameter(name: "period", description: "A month (2026-10) or quarter (2026-Q4); default the current month.",
                                              schema: .period)
    public static let practice = QueryParameter.id("practiceID", "Only this practice and its members.")
    public static let months = QueryParameter.integer("months", "Months of pay history", in: 1...24, default: 6)
    public static let skills = QueryParameter.integer("skills", "Skills in the demand table", in: 1...1000, default: 50)
}

public enum SkillParameters {
    public static let unresolvedLimit = QueryParameter.integer("limit", "At most this many", in: 1...1000, default: 100)
}
