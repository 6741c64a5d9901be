import Foundation

/// What a posting is besides a job: part-time, paid by the piece, unpaid, or too incomplete to be a posting at all.
/// Recognised from its words and pay, shown with every fit, and never pitched to someone who said they want otherwise.
public enum PostingFlag: String, BitFlag {
    case partTime = "part_time"
    case piecework
    case unpaid
    case incomplete

    /// "part-time", as a recruiter would flag it.
    public var phrase: String {
        switch self {
        case .partTime: "part-time"
        case .piecework: "paid by the task or piece"
        case .unpaid: "unpaid or equity only"
        case .incomplete: "incomplete posting"
        }
    }

    /// The flags a job's title, description and pay show. `onlyGenericSkills` says whether every skill it asks for
    /// is one nearly everyone lists (the taxonomy knows; Core does not).
    public static func detect(_ job: JobDetails, onlyGenericSkills: Bool) -> PostingFlags {
        let text = " " + words(job.title + " \n " + job.description) + " "
        var flags: PostingFlags = []
        // "Full-time or part-time" offers full-time too.
        if (partTimePhrases.contains(where: text.contains) || fewHoursAWeek(text)) && !text.contains(" full time ") {
            flags.insert(.partTime)
        }
        if pieceworkPhrases.contains(where: text.contains) { flags.insert(.piecework) }
        if unpaidPhrases.contains(where: text.contains) || (job.pay.map { $0.maximum.minorUnits == 0 } ?? false) {
            flags.insert(.unpaid)
        }
        let description = job.description.trimmingCharacters(in: .whitespacesAndNewlines)
        if !isRealTitle(job.title) || (description.count < 80 && onlyGenericSkills) { flags.insert(.incomplete) }
        return flags
    }

    public var position: UInt32 {
        switch self {
        case .partTime: 0
        case .piecework: 1
        case .unpaid: 2
        case .incomplete: 3
        }
    }

    /// Lower case, every run of other characters one space, so phrases match whole words: " part time ".
    private static func words(_ text: String) -> String {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }

    private static let partTimePhrases = [
        " part time ", " parttime ", " half time ", " fractional cto ", " fractional cfo ", " fractional role ", " 0 5 fte ",
        " 0 6 fte ",
    ]
    private static let pieceworkPhrases = [
        " per task ", " per article ", " per deliverable ", " per ticket ", " per piece ", " piece rate ", " piecework ",
        " commission only ", " commission based ", " paid per project ", " per project basis ", " per completed ",
        " paid per gig ", " per gig ",
    ]
    private static let unpaidPhrases = [
        " unpaid role ", " unpaid position ", " unpaid internship ", " this is unpaid ", " is an unpaid ", " equity only ",
        " for equity ", " sweat equity ", " no salary ", " volunteer role ", " volunteer position ", " pro bono ",
        " deferred salary ", " deferred compensation ", " without pay ",
    ]

    /// "20 hours per week", "15 25 hours a week": fewer than 30.
    private static func fewHoursAWeek(_ text: String) -> Bool {
        let tokens = text.split(separator: " ")
        for (index, token) in tokens.enumerated() where token == "hours" || token == "hrs" {
            guard index + 2 < tokens.count, ["per", "a", "each"].contains(tokens[index + 1]), tokens[index + 2] == "week",
                  index > 0, let hours = Int(tokens[index - 1]) else { continue }
            if hours < 30 { return true }
        }
        return false
    }

    /// A title with at least one word of three letters or more that is not a placeholder.
    private static func isRealTitle(_ title: String) -> Bool {
        let words = title.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 }
        return words.contains { !placeholderWords.contains($0) }
    }

    private static let placeholderWords: Set<String> = [
        "job", "jobs", "hiring", "urgent", "urgently", "position", "opening", "opportunity", "role", "vacancy", "test",
        "asdf", "tbd", "tba", "apply", "now", "new", "work", "wanted", "needed",
    ]
}

/// A posting's flags in one word, so the match index's filter tests them without hashing.
public typealias PostingFlags = FlagSet<PostingFlag>
