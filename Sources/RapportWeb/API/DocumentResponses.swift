import Hummingbird
import RapportAPI

// The API's documents are answers: Hummingbird encodes them with the request context's JSON encoder. Added here, where
// HTTP is, so RapportAPI stays free of it.
extension CandidateDocument: ResponseEncodable {}
extension ClientDocument: ResponseEncodable {}
extension CVDraftDocument: ResponseEncodable {}
extension DiscoveryResultDocument: ResponseEncodable {}
extension ExtractDocument: ResponseEncodable {}
extension FitDocument: ResponseEncodable {}
extension InboundDocument: ResponseEncodable {}
extension JobDocument: ResponseEncodable {}
extension JobMatchesDocument: ResponseEncodable {}
extension LikelyDuplicateListDocument: ResponseEncodable {}
extension ListDocument: ResponseEncodable {}
extension MarketDocument: ResponseEncodable {}
extension MoveResultDocument: ResponseEncodable {}
extension NormalizeDocument: ResponseEncodable {}
extension ObligationDocument: ResponseEncodable {}
extension ObligationListDocument: ResponseEncodable {}
extension OpportunitiesDocument: ResponseEncodable {}
extension OutreachDocument: ResponseEncodable {}
extension OutreachListDocument: ResponseEncodable {}
extension OverlapListDocument: ResponseEncodable {}
extension PlacementDocument: ResponseEncodable {}
extension PlacementListDocument: ResponseEncodable {}
extension PracticeDocument: ResponseEncodable {}
extension PreviewDocument: ResponseEncodable {}
extension RelationshipDocument: ResponseEncodable {}
extension ReplyDocument: ResponseEncodable {}
extension ReplyListDocument: ResponseEncodable {}
extension ScheduledSurveyListDocument: ResponseEncodable {}
extension ScorecardReportDocument: ResponseEncodable {}
extension SkillDocument: ResponseEncodable {}
extension SubmissionDocument: ResponseEncodable {}
extension SubmissionListDocument: ResponseEncodable {}
extension SurveyListDocument: ResponseEncodable {}
extension TaskDocument: ResponseEncodable {}
extension TaskListDocument: ResponseEncodable {}
extension TaxonomyDocument: ResponseEncodable {}
extension TimelineDocument: ResponseEncodable {}
extension TouchListDocument: ResponseEncodable {}
extension UnresolvedListDocument: ResponseEncodable {}
extension UserDocument: ResponseEncodable {}
