import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportOutreach

/// Quality scorecards and market insights.
enum InsightRoutes {
    static func register(on group: RouterGroup<RapportRequestContext>, outreach: OutreachService) {
        group.get("scorecards") { request, _ in
            let period = try period(request, now: outreach.records.now())
            let practice = try request.integer(InsightParameters.practice).map { PracticeID($0) }
            return ScorecardReportDocument(try await outreach.scorecards(period: period, practice: practice))
        }
        group.get("scorecards/recruiters/{id}") { request, context in
            let period = try period(request, now: outreach.records.now())
            let user = try await outreach.records.store.user(UserID(try context.id()))
            return ScorecardDocument(try await outreach.scorecard(recruiter: user.id, period: period), name: user.details.name)
        }
        group.get("insights/market") { request, _ in
            let months = try request.count(InsightParameters.months)
            let limit = try request.count(InsightParameters.skills)
            return MarketDocument(try await outreach.market(months: months), skillLimit: limit)
        }
    }

    static func period(_ request: Request, now: Date) throws -> ScorecardPeriod {
        guard let text = try request.parameter(InsightParameters.period) else { return .current(at: now) }
        guard let period = ScorecardPeriod(text) else {
            throw APIError.unprocessable([ValidationIssue(field: "period", message: "must be a month (2026-10) or a quarter (2026-Q4)")])
        }
        return period
    }
}

extension ScorecardDocument: ResponseEncodable {}
