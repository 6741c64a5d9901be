import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportOutreach

/// Submissions through the pipeline, placements, and the tasks that keep in touch after them.
enum PipelineRoutes {
    static func register(on group: RouterGroup<RapportRequestContext>, outreach: OutreachService) {
        let store = outreach.records.store
        group.post("submissions") { request, context in
            let user = try context.requireUser()
            let body = try await RequestBody.decode(ShortlistDocument.self, from: request, schema: ShortlistDocument.schema)
            let submission = try await outreach.shortlist(
                candidate: body.candidateID, job: body.jobID, note: body.note ?? "", reopening: body.reopenReason, by: user)
            return EditedResponse(status: .created, response: SubmissionDocument(submission))
        }
        group.get("submissions") { request, context in
            let candidate = try request.integer(PipelineParameters.submissionCandidate).map { CandidateID($0) }
            let job = try request.integer(PipelineParameters.submissionJob).map { JobID($0) }
            var submissions: [Submission]
            switch (candidate, job) {
            case (let candidate?, _):
                _ = try await store.candidate(candidate)
                if let job { _ = try await store.job(job) }
                submissions = try await store.submissions(candidate: candidate).filter { job == nil || $0.jobID == job }
            case (nil, let job?):
                _ = try await store.job(job)
                submissions = try await store.submissions(job: job)
            case (nil, nil):
                submissions = try await store.submissions(createdBy: try context.requireUser().id, limit: 500)
            }
            let counts = PipelineCounts(submissions)
            return SubmissionListDocument(items: submissions.map(SubmissionDocument.init), presented: counts.presented, placed: counts.placed)
        }
        group.get("submissions/{id}") { _, context in
            SubmissionDocument(try await store.submission(SubmissionID(try context.id())))
        }
        group.post("submissions/{id}/moves") { request, context in
            let user = try context.requireUser()
            let body = try await RequestBody.decode(MoveDocument.self, from: request, schema: MoveDocument.schema)
            let result = try await outreach.move(SubmissionID(try context.id()), body.request, by: user)
            let now = outreach.records.now()
            return MoveResultDocument(
                submission: SubmissionDocument(result.submission),
                placement: result.placement.map { PlacementDocument($0, today: outreach.records.today) },
                obligation: result.obligation.map { ObligationDocument($0, now: now) },
                suggestedChange: result.suggestedChange.map(ReplyDocument.describe))
        }

        group.get("placements") { request, _ in
            let today = outreach.records.today
            if let candidate = try request.integer(PipelineParameters.placementCandidate) {
                _ = try await store.candidate(CandidateID(candidate))
                return PlacementListDocument(items: try await store.placements(candidate: CandidateID(candidate))
                    .map { PlacementDocument($0, today: today) })
            }
            let days = try request.count(PipelineParameters.endingWithinDays)
            let limit = try request.count(PipelineParameters.endingLimit)
            return PlacementListDocument(items: try await store.placements(ending: today...today.adding(days: days), limit: limit)
                .map { PlacementDocument($0, today: today) })
        }
        group.get("placements/{id}") { _, context in
            PlacementDocument(try await store.placement(PlacementID(try context.id())), today: outreach.records.today)
        }
        group.post("placements/{id}/end") { request, context in
            let user = try context.requireUser()
            let body = try await RequestBody.decode(EndEarlyDocument.self, from: request, schema: EndEarlyDocument.schema)
            let placement = try await outreach.endEarly(PlacementID(try context.id()), on: body.on, note: body.note ?? "", by: user)
            return PlacementDocument(placement, today: outreach.records.today)
        }

        group.get("tasks") { request, context in
            let user = try context.requireUser()
            let days = try request.count(PipelineParameters.tasksWithinDays)
            let everyone = try request.boolean(PipelineParameters.everyonesTasks)
            let tasks = try await store.relationshipTasks(owner: everyone ? nil : user.id, dueBy: outreach.records.today.adding(days: days),
                                                          openOnly: true, limit: 500)
            return TaskListDocument(items: tasks.map { TaskDocument($0) })
        }
        group.get("tasks/{id}") { request, context in
            let limit = try request.count(PipelineParameters.openings)
            let view = try await outreach.task(RelationshipTaskID(try context.id()), openings: limit)
            return TaskDocument(view.task, openings: view.task.kind == .redeployment ? view.openings : nil)
        }
        group.post("tasks/{id}/close") { request, context in
            let user = try context.requireUser()
            let body = try await RequestBody.decode(CloseTaskDocument.self, from: request, schema: CloseTaskDocument.schema)
            return TaskDocument(try await outreach.closeTask(RelationshipTaskID(try context.id()), as: body.status, note: body.note ?? "", by: user))
        }
        group.post("candidates/{id}/handover") { request, context in
            let user = try context.requireUser()
            let body = try await RequestBody.decode(HandoverDocument.self, from: request, schema: HandoverDocument.schema)
            let candidate = try await outreach.handOver(CandidateID(try context.id()), to: body.practiceID, owner: body.ownerID, note: body.note,
                                                        by: user)
            return CandidateDocument(candidate)
        }
        group.get("overlaps") { request, _ in
            let practice = try request.integer(PipelineParameters.overlapPractice).map { PracticeID($0) }
            if let practice { _ = try await store.practice(practice) }
            let days = try request.count(PipelineParameters.overlapDays)
            let since = outreach.records.now().addingTimeInterval(-Double(days) * 86_400)
            return OverlapListDocument(try await store.overlaps(practice: practice, since: since, limit: 500))
        }
        group.get("candidates/{id}/planned-surveys") { _, context in
            let candidate = CandidateID(try context.id())
            _ = try await store.candidate(candidate)
            return ScheduledSurveyListDocument(try await store.scheduledSurveys(candidate: candidate))
        }
    }
}
