import Foundation
import RapportCore

/// What every page's frame shows: the title, who is signed in, the navigation and the CSRF token of the sign-out form.
struct Layout: Sendable {
    struct Link: Sendable {
        var href: String
        var label: String
        var current: Bool
    }

    var title: String
    var userName: String?
    var csrf: String?
    var nav: [Link]

    /// The frame of a page nobody is signed in to, such as one reached from a link in an e-mail.
    init(title: String) {
        self.title = title
        userName = nil
        csrf = nil
        nav = []
    }

    init(title: String, context: RapportRequestContext, section: String? = nil) {
        self.title = title
        userName = context.user?.details.name
        csrf = context.session?.csrfToken
        nav = context.user == nil ? [] : [
            Link(href: "/today", label: "Today", current: section == "today"),
            Link(href: "/candidates", label: "Candidates", current: section == "candidates"),
            Link(href: "/jobs", label: "Jobs", current: section == "jobs"),
            Link(href: "/practices", label: "Practice", current: section == "practices"),
            Link(href: "/scorecards", label: "Scorecards", current: section == "scorecards"),
            Link(href: "/insights", label: "Market", current: section == "insights"),
        ] + (context.user?.details.role == .admin ? [Link(href: "/imports", label: "Import", current: section == "imports"),
                                                     Link(href: "/admin", label: "Admin", current: section == "admin")] : [])
    }
}

struct ErrorPage: Sendable {
    var layout: Layout
    var status: Int
    var message: String
}

struct SignInPage: Sendable {
    var layout: Layout
    var csrf: String
    var email: String
    var problem: String?
}

/// Dates as a recruiter reads them, in their region's time: "Tue 1 Dec, 15:00".
struct DateText: Sendable {
    let zone: TimeZone

    init(_ user: User?) {
        zone = TimeZone(identifier: user?.details.region.defaultTimeZoneIdentifier ?? "UTC") ?? .gmt
    }

    func instant(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = zone
        formatter.dateFormat = "EEE d MMM, HH:mm"
        return formatter.string(from: date)
    }

    func day(_ date: LocalDate) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = .gmt
        formatter.dateFormat = "EEE d MMM yyyy"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch) * 86_400 + 43_200))
    }
}

extension DateText {
    /// Each import that created or updated a record, in words: "created from old-ats.jsonl, record 2, by Rob Recruiter,
    /// 3 Dec 2026 10:00".
    func imports(_ history: [ImportedRecord], store: any RapportStore) async -> [String] {
        var lines: [String] = []
        for imported in history {
            let by = await imported.runBy.asyncMap { try? await store.user($0).details.name } ?? nil
            lines.append("\(imported.outcome.rawValue) from \(imported.fileName), record \(imported.record)"
                + (by.map { ", by \($0)" } ?? "") + ", \(instant(imported.at))")
        }
        return lines
    }
}
