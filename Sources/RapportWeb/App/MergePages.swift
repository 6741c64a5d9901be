import Foundation
import Hummingbird
import RapportCore
import RapportOutreach

/// Two records that may be one person, side by side: the recruiter picks, field by field, what the person's record
/// says, and merges them into the one on the left. Nothing is merged by a rule alone.
struct SamePersonPage: Sendable {
    struct Choice: Sendable {
        var field: String
        var label: String
        var kept: String
        var absorbed: String
        /// The right-hand value is picked.
        var takeAbsorbed: Bool
        /// Both say the same: nothing to pick.
        var same: Bool
    }

    struct Fact: Sendable {
        var label: String
        var kept: String
        var absorbed: String
    }

    var layout: Layout
    var keptID: Int64
    var absorbedID: Int64
    var keptName: String
    var absorbedName: String
    var keptVersion: Int
    var absorbedVersion: Int
    var reason: String?
    var choices: [Choice]
    var facts: [Fact]
    var problem: String?

    static func load(kept: CandidateID, absorbed: CandidateID, picked: [CandidateMerge.Field: CandidateMerge.Side] = [:], problem: String? = nil,
                     context: RapportRequestContext, outreach: OutreachService) async throws -> SamePersonPage {
        let store = outreach.records.store
        let left = try await store.candidate(kept)
        let right = try await store.candidate(absorbed)
        let reason = try await store.likelyDuplicates(keys: IdentityKeys.keys(for: left.profile), excluding: left.id)
            .first { $0.candidateID == right.id }?.reason
        func text(_ field: CandidateMerge.Field, _ profile: CandidateProfile) -> String {
            switch field {
            case .name: profile.name
            case .email: profile.email
            case .phone: profile.phone ?? ""
            case .location: [profile.location.city, profile.location.country].compactMap { $0 }.joined(separator: ", ") + " (\(profile.region.rawValue) desk)"
            case .headline: profile.headline
            case .summary: profile.summary
            }
        }
        let labels: [CandidateMerge.Field: String] = [.name: "Name", .email: "E-mail", .phone: "Phone", .location: "Where they live",
                                                      .headline: "Headline", .summary: "Summary"]
        let choices = CandidateMerge.Field.allCases.map { field in
            let kept = text(field, left.profile)
            let absorbed = text(field, right.profile)
            return Choice(field: field.rawValue, label: labels[field]!, kept: kept.isEmpty ? "—" : kept, absorbed: absorbed.isEmpty ? "—" : absorbed,
                          takeAbsorbed: picked[field] == .absorbed || (picked[field] == nil && kept.isEmpty && !absorbed.isEmpty),
                          same: kept == absorbed)
        }
        var facts: [Fact] = []
        func fact(_ label: String, _ value: (Candidate) async throws -> String) async rethrows {
            facts.append(Fact(label: label, kept: try await value(left), absorbed: try await value(right)))
        }
        let dates = DateText(context.user)
        let skills = try await store.allSkills()
        await fact("Record") { "candidate \($0.id), added \(dates.instant($0.createdAt))" }
        await fact("Owner") { candidate in
            guard let owner = candidate.profile.ownerID else { return "nobody" }
            return (try? await store.user(owner).details.name) ?? "nobody"
        }
        await fact("Skills") { candidate in
            candidate.profile.skills.compactMap { skill in skills.first { $0.id == skill.skillID }?.name }.joined(separator: ", ")
        }
        await fact("Work history") { $0.profile.work.map { "\($0.title) · \($0.employer)" }.joined(separator: "; ") }
        await fact("Links") { $0.profile.links.joined(separator: " ") }
        try await fact("Held about them") { candidate in
            let replies = try await store.replies(candidate: candidate.id).count
            let submissions = try await store.submissions(candidate: candidate.id).count
            let files = try await store.attachments(candidate: candidate.id).count
            return "\(replies) repl\(replies == 1 ? "y" : "ies"), \(submissions) submission\(submissions == 1 ? "" : "s"), "
                + "\(files) file\(files == 1 ? "" : "s")"
        }
        await fact("Do not contact") { $0.profile.contactPreferences.doNotContact ? "yes" : "no" }
        return SamePersonPage(layout: Layout(title: "Same person?", context: context, section: "candidates"), keptID: left.id.rawValue,
                              absorbedID: right.id.rawValue, keptName: left.profile.name, absorbedName: right.profile.name,
                              keptVersion: left.version, absorbedVersion: right.version, reason: reason, choices: choices, facts: facts,
                              problem: problem)
    }

    /// The sides the form picked.
    static func picked(_ form: FormFields) -> [CandidateMerge.Field: CandidateMerge.Side] {
        var picked: [CandidateMerge.Field: CandidateMerge.Side] = [:]
        for field in CandidateMerge.Field.allCases {
            if let side = form[field.rawValue].flatMap(CandidateMerge.Side.init(rawValue:)) { picked[field] = side }
        }
        return picked
    }
}

extension WebRoutes {
    func registerMerge(on pages: RouterGroup<RapportRequestContext>) {
        pages.get("candidates/{id}/same/{other}") { _, context -> Response in
            _ = try Self.staff(context)
            let (kept, absorbed) = try Self.pair(context)
            return views.response(try await SamePersonPage.load(kept: kept, absorbed: absorbed, context: context, outreach: outreach),
                                  template: "same-person")
        }
        pages.post("candidates/{id}/same/{other}") { request, context -> Response in
            let user = try Self.staff(context)
            let form = try await Self.checkedForm(request, context: context)
            let (kept, absorbed) = try Self.pair(context)
            let store = outreach.records.store
            let picked = SamePersonPage.picked(form)
            let merge = CandidateMerge(kept: try await store.candidate(kept), absorbed: try await store.candidate(absorbed), choices: picked)
            func again(_ problem: String) async throws -> Response {
                views.response(try await SamePersonPage.load(kept: kept, absorbed: absorbed, picked: picked, problem: problem, context: context,
                                                             outreach: outreach),
                               template: "same-person", status: .conflict)
            }
            // What the recruiter compared must be what is merged.
            guard form["keptVersion"] == String(merge.kept.version), form["absorbedVersion"] == String(merge.absorbed.version) else {
                return try await again("One of them changed while you were comparing: check the two again, then merge.")
            }
            do {
                _ = try await outreach.records.mergeCandidates(merge, by: user.id)
            } catch RapportError.inUse(_, let message) {
                return try await again("Not merged: \(message).")
            } catch RapportError.staleVersion {
                return try await again("One of them changed while you were comparing: check the two again, then merge.")
            }
            return Response(status: .seeOther, headers: [.location: "/candidates/\(kept)?merged=\(absorbed)"])
        }
    }

    /// The record kept ({id}) and the one compared with it ({other}); a record is never compared with itself.
    static func pair(_ context: RapportRequestContext) throws -> (CandidateID, CandidateID) {
        let kept = try candidateID(context)
        guard let other = context.parameters.get("other", as: Int64.self), other > 0, other != kept.rawValue else { throw HTTPError(.notFound) }
        return (kept, CandidateID(other))
    }
}
