import Foundation
import RapportCore
import Testing

@Suite("Survey answers and links")
struct SurveyRuleTests {
    @Test("0–6 detract, 7–8 are passive, 9–10 promote", arguments: zip(0...10, [
        NPSCategory.detractor, .detractor, .detractor, .detractor, .detractor, .detractor, .detractor, .passive, .passive, .promoter, .promoter,
    ]))
    func categories(score: Int, category: NPSCategory) {
        #expect(NPSCategory(score: score) == category)
    }

    @Test("an answer outside the scales is refused, naming each field")
    func validation() {
        #expect(throws: RapportError.invalid([
            ValidationIssue(field: "nps", message: "must be a whole number from 0 to 10"),
            ValidationIssue(field: "understood", message: "must be a whole number from 1 to 5"),
        ])) { try SurveyAnswer(nps: 11, understood: 0).validate() }
        #expect(throws: Never.self) { try SurveyAnswer(nps: 0, understood: nil, comment: "").validate() }
    }

    @Test("a link answers once and not after it expires; a used link says it was used")
    func links() {
        let sent = Date(timeIntervalSince1970: 1_000_000)
        var survey = Survey(id: SurveyID(1), candidateID: CandidateID(1), recruiterID: UserID(1), practiceID: nil, trigger: .discovery,
                            outreachID: nil, sentAt: sent, expiresAt: sent.addingTimeInterval(Survey.validity))
        #expect(survey.linkState(at: sent.addingTimeInterval(Survey.validity - 1)) == .open)
        #expect(survey.linkState(at: sent.addingTimeInterval(Survey.validity)) == .expired(at: survey.expiresAt))
        survey.answeredAt = sent.addingTimeInterval(60)
        #expect(survey.linkState(at: sent.addingTimeInterval(Survey.validity * 2)) == .answered(at: sent.addingTimeInterval(60)))
    }
}
