import Foundation
import Hummingbird
import RapportCore
import RapportOutreach

/// The recruiter web app: sign-in, Today, candidates. Pages are server-rendered, work without JavaScript, and every
/// form carries a CSRF token checked on POST.
struct WebRoutes {
    /// The pages people open in a browser: HTML, outside the JSON API and its OpenAPI document.
    static let pagePaths: Set<String> = ["/", "/sign-in", "/sign-out", "/today", "/candidates", "/candidates/{id}", "/static/rapport.css",
                                                "/scorecards", "/insights",
                                                "/candidates/{id}/compose", "/candidates/{id}/answer", "/candidates/{id}/discovery", "/jobs", "/jobs/{id}",
                                                "/jobs/{id}/shortlist", "/jobs/{id}/moves", "/portal", "/portal/link",
                                                "/portal/sign-in/{token}", "/portal/me", "/portal/preferences", "/portal/openings/{id}",
                                                "/portal/data.json", "/portal/sign-out", "/portal/delete",
                                                "/admin", "/admin/users", "/admin/users/{id}/active", "/admin/settings", "/admin/practices",
                                                "/admin/practices/{id}/lead",
                                                "/practices", "/practices/{id}", "/candidates/from-cv", "/candidates/from-cv/{attachment}",
                                                "/candidates/{id}/attachments/{attachment}", "/imports", "/imports/{token}",
                                                "/candidates/{id}/resume.json", "/candidates.csv", "/careers", "/careers/jobs/{id}",
                                                "/careers/jobs.jsonld", "/candidates/{id}/same/{other}"]

    let outreach: OutreachService
    let views: WebViews
    let sessions: SessionManager
    let signIn: SignInService

    func register(on router: Router<RapportRequestContext>) {
        let stylesheet = StaticFiles.stylesheet()
        router.get("static/rapport.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: stylesheet))
        }
        router.add(middleware: UnknownPageMiddleware(views: views, sessions: sessions, store: outreach.records.store))
        // The session first, so an error page knows who is signed in and keeps their navigation.
        let pages = router.group()
            .add(middleware: WebSessionMiddleware(sessions: sessions, store: outreach.records.store))
            .add(middleware: HTMLErrorMiddleware(views: views))
        pages.get("/") { _, context -> Response in
            Response(status: .seeOther, headers: [.location: context.user == nil ? "/sign-in" : "/today"])
        }
        pages.get("sign-in") { _, context -> Response in
            if context.user != nil { return Response(status: .seeOther, headers: [.location: "/today"]) }
            return signInPage(context: context, email: "", problem: nil, status: .ok)
        }
        pages.post("sign-in") { request, context -> Response in
            let form = try await Self.form(request)
            guard SessionManager.preSessionTokenMatches(request, form: form["csrf"]) else {
                return signInPage(context: context, email: form["email"] ?? "", problem: "The form expired. Please sign in again.",
                                  status: .forbidden)
            }
            let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces)
            let address = context.remoteAddress ?? "unknown"
            switch try await signIn.signIn(email: email, password: form["password"] ?? "", from: address) {
            case .signedIn(let user):
                let (cookie, _) = try await sessions.start(for: .staff(user.id))
                var response = Response(status: .seeOther, headers: [.location: "/today", .cacheControl: "no-store"])
                response.setCookie(cookie)
                return response
            case .refused:
                return signInPage(context: context, email: email, problem: "That e-mail address and password do not match an active account.",
                                  status: .unauthorized)
            case .throttled(let minutes):
                return signInPage(context: context, email: email,
                                  problem: "Too many failed attempts. Wait \(minutes) minutes, then try again.", status: .tooManyRequests)
            }
        }
        pages.post("sign-out") { request, context -> Response in
            if let session = context.session {
                _ = try await Self.checkedForm(request, context: context)
                try await sessions.end(session)
            }
            var response = Response(status: .seeOther, headers: [.location: "/sign-in", .cacheControl: "no-store"])
            response.setCookie(sessions.clearingCookie)
            return response
        }
        pages.get("today") { _, context -> Response in
            let user = try Self.staff(context)
            return views.response(try await TodayPage.load(for: user, context: context, outreach: outreach), template: "today")
        }
        pages.get("candidates") { request, context -> Response in
            _ = try Self.staff(context)
            let parameters = request.queryFields
            return views.response(try await CandidatesPage.load(SearchRequest(parameters), context: context, outreach: outreach),
                                  template: "candidates")
        }
        pages.get("candidates/{id}") { request, context -> Response in
            _ = try Self.staff(context)
            let id = try Self.candidateID(context)
            // A record merged into another leads there.
            if let kept = try await outreach.records.store.mergedCandidate(id) {
                return Response(status: .movedPermanently, headers: [.location: "/candidates/\(kept)"])
            }
            let notice: String? = if request.queryFields["sent"] != nil {
                "Queued: it goes now, or when their quiet hours end."
            } else if request.queryFields["answered"] != nil {
                "Answered: the follow-up is closed."
            } else if request.queryFields["discovered"] != nil {
                "Discovery conversation recorded; their profile and keep-in-touch cadence are updated."
            } else if let merged = request.queryFields["merged"] {
                "Merged: what was held under candidate \(merged) is here now, and its address and link lead here."
            } else if let outcome = request.queryFields["fromCV"] {
                outcome == "created" ? "Added from their CV, which is kept with them below."
                    : "They were already here (same e-mail address): updated from their CV, which is kept with them below."
            } else {
                nil
            }
            return views.response(try await CandidateProfilePage.load(id, notice: notice, context: context, outreach: outreach),
                                  template: "candidate")
        }
        registerInsights(on: pages)
        registerCVs(on: pages)
        registerMerge(on: pages)
        registerImports(on: pages)
        registerCareers(on: pages)
        registerCompose(on: pages)
        registerJobs(on: pages)
        registerPortal(on: pages)
        registerAdmin(on: pages)
        registerPractices(on: pages)
    }

    private func registerInsights(on pages: RouterGroup<RapportRequestContext>) {
        pages.get("scorecards") { request, context -> Response in
            _ = try Self.staff(context)
            let period = request.queryFields["period"].flatMap(ScorecardPeriod.init)
            return views.response(try await ScorecardsPage.load(period: period, context: context, outreach: outreach), template: "scorecards")
        }
        pages.get("insights") { request, context -> Response in
            _ = try Self.staff(context)
            let skill = request.queryFields["skill"].map { String($0.prefix(100)) }
            return views.response(try await InsightsPage.load(skill: skill, context: context, outreach: outreach), template: "insights")
        }
    }

    private func signInPage(context: RapportRequestContext, email: String, problem: String?, status: HTTPResponse.Status) -> Response {
        let (cookie, token) = sessions.preSessionToken()
        var response = views.response(SignInPage(layout: Layout(title: "Sign in", context: context), csrf: token, email: email, problem: problem),
                                      template: "sign-in", status: status)
        response.setCookie(cookie)
        return response
    }

    /// The signed-in member of staff; anyone else is sent to sign in.
    static func staff(_ context: RapportRequestContext) throws -> User {
        guard let user = context.user else { throw WebRedirect(location: "/sign-in") }
        return user
    }

    /// The URL-encoded form of a POST, at most 64 KiB.
    static func form(_ request: Request) async throws -> FormFields {
        var request = request
        return FormFields(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
    }
}
