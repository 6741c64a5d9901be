import Foundation
import RapportCore
import RapportMatch
import RapportOutreach

/// A recruiter's day: who is waiting for an answer, who is due a touch, assignments ending, unhappy candidates, and new
/// strong matches in their practices.
struct TodayPage: Sendable {
    struct Item: Sendable {
        var href: String
        var who: String
        var what: String
        var when: String
        var late: Bool
        /// How to reach them, on the lists a recruiter works through by phone.
        var phone: String? = nil
        var phoneHref: String? = nil
        var email: String? = nil
    }

    var layout: Layout
    var firstName: String
    var followUps: [Item]
    /// "3 overdue", or nil when nothing is.
    var overdue: String?
    /// Whether this is the firm-wide view an admin sees.
    var firmWide: Bool
    var touches: [Item]
    /// "Showing the first 50; more are due.": said when the list is cut, never silently.
    var touchesCut: String?
    var tasks: [Item]
    var detractors: [Item]
    var matches: [Item]

    /// Reads the day for `user`.
    static func load(for user: User, context: RapportRequestContext, outreach: OutreachService) async throws -> TodayPage {
        let store = outreach.records.store
        let now = outreach.records.now()
        let today = outreach.records.today
        let dates = DateText(user)
        // An admin looks after the firm, not a book of people: their day is everyone's.
        let firmWide = user.details.role == .admin
        let owner: UserID? = firmWide ? nil : user.id
        var practices = user.details.practiceIDs
        if firmWide {
            practices = try await outreach.records.allPractices().map(\.id)
        }
        var profiles: [CandidateID: CandidateProfile] = [:]
        func profile(_ id: CandidateID) async -> CandidateProfile? {
            if let known = profiles[id] { return known }
            let found = (try? await store.candidate(id))?.profile
            profiles[id] = found
            return found
        }
        func name(_ id: CandidateID) async -> String {
            await profile(id)?.name ?? "Candidate \(id)"
        }

        var followUps: [Item] = []
        for obligation in try await store.obligations(owner: owner, openOnly: true, limit: 50) {
            let what = obligation.reason == .tellCandidate ? "Tell them how their submission ended" : "Replied and is waiting for an answer"
            followUps.append(Item(href: "/candidates/\(obligation.candidateID)", who: await name(obligation.candidateID), what: what,
                                  when: "due \(dates.instant(obligation.dueAt))", late: obligation.isOverdue(at: now)))
        }
        var touches: [Item] = []
        let touchLimit = 50
        let due = try await store.dueTouches(owner: owner, before: now.addingTimeInterval(86_400), limit: touchLimit + 1)
        for touch in due.prefix(touchLimit) {
            let person = await profile(touch.candidateID)
            touches.append(Item(href: "/candidates/\(touch.candidateID)", who: person?.name ?? "Candidate \(touch.candidateID)",
                                what: "every \(touch.cadenceDays) days", when: "since \(dates.instant(touch.nextTouchAt))",
                                late: touch.nextTouchAt < now, phone: person?.phone,
                                phoneHref: person?.phone.map(CandidateProfilePage.telephoneLink), email: person?.email))
        }
        var tasks: [Item] = []
        for task in try await store.relationshipTasks(owner: owner, dueBy: today.adding(days: 42), openOnly: true, limit: 30) {
            let what = switch task.kind {
            case .checkInFirstWeek: "Check in: first week of the assignment"
            case .checkInFirstMonth: "Check in: first month of the assignment"
            case .redeployment: "Assignment ends soon: show them their next openings"
            }
            tasks.append(Item(href: "/candidates/\(task.candidateID)", who: await name(task.candidateID), what: what,
                              when: dates.day(task.due), late: task.due < today))
        }
        var detractors: [Item] = []
        for survey in try await store.detractors(recruiter: user.id, practices: practices,
                                                 since: now.addingTimeInterval(-30 * 86_400), limit: 10) {
            let comment = survey.answer?.comment.isEmpty == false ? ": “\(survey.answer?.comment ?? "")”" : ""
            detractors.append(Item(href: "/candidates/\(survey.candidateID)", who: await name(survey.candidateID),
                                   what: "scored \(survey.answer?.nps ?? 0)/10\(comment)", when: survey.answeredAt.map(dates.instant) ?? "",
                                   late: false))
        }
        var matches: [Item] = []
        // Eight are shown; each costs a check through the gate, so stop reading once there are eight.
        practices: for practiceID in practices {
            let jobs = try await store.jobs(JobQuery(status: .open, practiceID: practiceID), page: PageRequest(limit: 100)).items
            for job in jobs.filter({ $0.createdAt > now.addingTimeInterval(-14 * 86_400) }).sorted(by: { $0.createdAt > $1.createdAt }).prefix(5) {
                guard matches.count < 8 else { break practices }
                var shown = 0
                for match in try await outreach.matching.matches(for: job.id, limit: 6) where match.fit.score >= 75 && shown < 2 {
                    // Only a pair the gate would let a pitch go to, and that nobody has put in the pipeline yet, is news.
                    let pitched = PitchedJob(jobID: job.id, fit: match.fit.score, eligibility: match.fit.ineligibility)
                    guard let check = try await outreach.pitchChecks(candidate: match.candidateID, jobs: [pitched], names: [:]).first,
                          check.mayPitch, check.mayShortlist else { continue }
                    shown += 1
                    matches.append(Item(href: "/candidates/\(match.candidateID)", who: match.name,
                                        what: "fits \(job.details.title) at \(match.fit.score)", when: "posted \(dates.instant(job.createdAt))",
                                        late: false))
                }
            }
        }
        return TodayPage(
            layout: Layout(title: "Today", context: context, section: "today"),
            firstName: String(user.details.name.split(separator: " ").first ?? ""), followUps: followUps,
            overdue: followUps.contains(where: \.late) ? "\(followUps.filter(\.late).count) overdue" : nil, firmWide: firmWide, touches: touches,
            touchesCut: due.count > touchLimit ? "Showing the first \(touchLimit); more are due." : nil, tasks: tasks, detractors: detractors, matches: Array(matches.prefix(8)))
    }
}
