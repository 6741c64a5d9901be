import Foundation
import Hummingbird
import RapportCore
import RapportOutreach

/// A practice at a glance: its people and what they owe candidates, its open jobs, and where it overlaps other practices.
struct PracticePage: Sendable {
    struct Member: Sendable {
        var name: String
        var lead: Bool
        var open: Int
        var overdue: Int
        var tasks: Int
    }

    struct Line: Sendable {
        var href: String
        var text: String
        var when: String
    }

    struct Tab: Sendable {
        var href: String
        var name: String
        var current: Bool
    }

    var layout: Layout
    var tabs: [Tab]
    var name: String
    var members: [Member]
    var jobs: [Line]
    var overlaps: [Line]
    /// "12 people call this practice home."
    var home: String

    static func load(_ id: PracticeID?, context: RapportRequestContext, user: User, outreach: OutreachService) async throws -> PracticePage {
        let store = outreach.records.store
        let practices = try await outreach.records.allPractices()
        guard let practice = practices.first(where: { $0.id == (id ?? user.details.practiceIDs.first ?? practices.first?.id) }) else {
            throw HTTPError(.notFound)
        }
        let now = outreach.records.now()
        let dates = DateText(user)
        var members: [Member] = []
        for member in try await outreach.records.allUsers() where member.details.practiceIDs.contains(practice.id) && member.details.active {
            let open = try await store.obligations(owner: member.id, openOnly: true, limit: 1000)
            let tasks = try await store.relationshipTasks(owner: member.id, dueBy: outreach.records.today.adding(days: 7), openOnly: true, limit: 1000)
            members.append(Member(name: member.details.name, lead: practice.details.leadID == member.id, open: open.count,
                                  overdue: open.filter { $0.isOverdue(at: now) }.count, tasks: tasks.count))
        }
        let jobs = try await store.jobs(JobQuery(status: .open, practiceID: practice.id), page: PageRequest(limit: 100)).items
        var overlaps: [Line] = []
        for overlap in try await store.overlaps(practice: practice.id, since: now.addingTimeInterval(-30 * 86_400), limit: 20) {
            let name = (try? await store.candidate(overlap.candidateID))?.profile.name ?? "Candidate \(overlap.candidateID)"
            let other = overlap.earlierPracticeID == practice.id ? overlap.laterPracticeID : overlap.earlierPracticeID
            let otherName = practices.first { $0.id == other }?.details.name ?? "another practice"
            overlaps.append(Line(href: "/candidates/\(overlap.candidateID)", text: "\(name): also pitched by \(otherName)", when: dates.instant(overlap.at)))
        }
        let candidates = try await store.candidates(CandidateQuery(practiceID: practice.id), page: PageRequest(limit: 1)).total
        return PracticePage(
            layout: Layout(title: practice.details.name, context: context, section: "practices"),
            tabs: practices.map { Tab(href: "/practices/\($0.id)", name: $0.details.name, current: $0.id == practice.id) },
            name: practice.details.name, members: members.sorted { ($0.overdue, $0.open) > ($1.overdue, $1.open) },
            jobs: jobs.map { Line(href: "/jobs/\($0.id)", text: $0.details.title, when: dates.instant($0.createdAt)) },
            overlaps: overlaps, home: candidates == 1 ? "1 person calls this practice home." : "\(candidates) people call this practice home.")
    }
}

extension WebRoutes {
    func registerPractices(on pages: RouterGroup<RapportRequestContext>) {
        pages.get("practices") { _, context -> Response in
            let user = try Self.staff(context)
            return views.response(try await PracticePage.load(nil, context: context, user: user, outreach: outreach), template: "practice")
        }
        pages.get("practices/{id}") { _, context -> Response in
            let user = try Self.staff(context)
            guard let id = context.parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound) }
            return views.response(try await PracticePage.load(PracticeID(id), context: context, user: user, outreach: outreach), template: "practice")
        }
    }
}
