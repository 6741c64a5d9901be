import Foundation
import RapportCore

extension OutreachService {
    /// Sends a survey through the outreach pipeline, so the contact policy applies to it like any message.
    public func sendSurvey(to candidateID: CandidateID, trigger: SurveyTrigger, by recruiter: User) async throws -> (Outreach, ContactVerdict) {
        try await send(OutreachRequest(candidateID: candidateID, kind: .survey, surveyTrigger: trigger), by: recruiter)
    }

    /// Records a candidate's answer once. A detractor (0–6) opens a follow-up obligation for the practice lead, in the
    /// same transaction, carrying the score and comment as the candidate's reply.
    public func answerSurvey(token: String, _ answer: SurveyAnswer) async throws -> SurveyAnswerResult {
        try answer.validate()
        guard let survey = try await store.survey(token: token) else { return .unknownToken }
        var followUp: ReplyDraft?
        if answer.category == .detractor, survey.linkState(at: now) == .open {
            let candidate = try await store.candidate(survey.candidateID)
            let owner = try await surveyOwner(survey, candidate: candidate)
            let comment = answer.comment.trimmingCharacters(in: .whitespacesAndNewlines)
            let zone = TimeZone(identifier: candidate.profile.timeZone) ?? .gmt
            followUp = ReplyDraft(
                candidateID: survey.candidateID, outreachID: survey.outreachID, channel: .email, receivedAt: now,
                subject: "Survey (\(survey.trigger.rawValue)): \(answer.nps)/10",
                text: comment.isEmpty ? "Scored \(answer.nps)/10 and left no comment." : comment,
                messageID: nil, classification: classifier.classify(comment, today: LocalDate(now, in: zone)), loggedBy: nil,
                obligation: owner.map { ObligationDraft(ownerID: $0.id, dueAt: dueDate(now, for: $0)) })
        }
        return try await store.answerSurvey(token: token, answer, followUp: followUp, at: now)
    }

    /// The lead of the survey's practice, else of the candidate's; else the recruiter it was about.
    private func surveyOwner(_ survey: Survey, candidate: Candidate) async throws -> User? {
        for practiceID in [survey.practiceID, candidate.profile.homePracticeID].compactMap({ $0 }) {
            if let practice = try? await store.practice(practiceID), let leadID = practice.details.leadID,
               let lead = try? await store.user(leadID), lead.details.active {
                return lead
            }
        }
        return try? await store.user(survey.recruiterID)
    }
}
