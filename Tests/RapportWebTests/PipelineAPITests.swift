import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportWeb
import Testing

@Suite("Pipeline API: submissions, moves, placements and tasks")
struct PipelineAPITests {
    @Test("a submission moves to placed through the API, recording the placement and its tasks; bad moves name the field")
    func throughToPlacement() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            // setup
            let jobID = try await client.createID("/api/v1/jobs", api.jobJSON())
            let candidateID = try await client.createID("/api/v1/candidates", api.candidateJSON())
            let created = try await client.post("/api/v1/submissions", #"{"candidateID": \#(candidateID), "jobID": \#(jobID), "note": "Strong fit"}"#)
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created.json["id"] as? Int)
            #expect(created.json["stage"] as? String == "shortlisted")
            #expect(created.json["next"] as? [String] == ["presented", "withdrawn"])
            let again = try await client.post("/api/v1/submissions", #"{"candidateID": \#(candidateID), "jobID": \#(jobID)}"#)
            #expect(again.status == .conflict)

            // MUT: every step, then a placement
            var version = 1
            for stage in ["presented", "candidate_interested", "submitted", "interview", "offer"] {
                let moved = try await client.post("/api/v1/submissions/\(id)/moves", #"{"to": "\#(stage)", "version": \#(version)}"#)
                #expect(moved.status == .ok, "\(moved.text)")
                version += 1
            }
            let skipped = try await client.post("/api/v1/submissions/\(id)/moves", #"{"to": "presented", "version": \#(version)}"#)
            #expect(skipped.status == .unprocessableContent && skipped.errorField == "to")
            let stale = try await client.post("/api/v1/submissions/\(id)/moves", #"{"to": "withdrawn", "version": 1}"#)
            #expect(stale.status == .conflict)
            let noTerms = try await client.post("/api/v1/submissions/\(id)/moves", #"{"to": "placed", "version": \#(version)}"#)
            #expect(noTerms.status == .unprocessableContent && noTerms.errorField == "placement")
            let badDate = try await client.post("/api/v1/submissions/\(id)/moves", #"""
                {"to": "placed", "version": \#(version), "placement": {"start": "2026-13-01",
                 "payRate": {"minorUnits": 60000, "currency": "GBP", "unit": "day"}}}
                """#)
            #expect(badDate.status == .unprocessableContent && badDate.errorField == "placement.start")
            let placed = try await client.post("/api/v1/submissions/\(id)/moves", #"""
                {"to": "placed", "version": \#(version), "placement": {"start": "2026-12-07", "end": "2027-06-04",
                 "billRate": {"minorUnits": 75000, "currency": "GBP", "unit": "day"},
                 "payRate": {"minorUnits": 60000, "currency": "GBP", "unit": "day"}}}
                """#)

            // validate
            #expect(placed.status == .ok, "\(placed.text)")
            let placement = try #require(placed.json["placement"] as? [String: Any])
            #expect(placement["start"] as? String == "2026-12-07" && placement["end"] as? String == "2027-06-04")
            let submission = try #require(placed.json["submission"] as? [String: Any])
            #expect(submission["stage"] as? String == "placed" && (submission["history"] as? [Any])?.count == 7)
            let listed = try await client.get("/api/v1/submissions?candidateID=\(candidateID)")
            #expect(listed.json["presented"] as? Int == 1 && listed.json["placed"] as? Int == 1)
            // Neither filter lists the submissions the caller made; both, that candidate's for that job.
            let mine = try await client.get("/api/v1/submissions")
            #expect(mine.status == .ok)
            #expect((mine.json["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [id])
            let both = try await client.get("/api/v1/submissions?candidateID=\(candidateID)&jobID=\(jobID)")
            #expect(both.status == .ok && (both.json["items"] as? [Any])?.count == 1)
            let otherJob = try await client.createID("/api/v1/jobs", api.jobJSON())
            let none = try await client.get("/api/v1/submissions?candidateID=\(candidateID)&jobID=\(otherJob)")
            #expect(none.status == .ok && (none.json["items"] as? [Any])?.isEmpty == true)
            #expect(try await client.get("/api/v1/submissions?candidateID=\(candidateID)&jobID=9999").status == .notFound)
            let tasks = try await client.get("/api/v1/tasks?withinDays=366&all=true")
            let kinds = (tasks.json["items"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds == ["check_in_week_1", "check_in_month_1", "redeployment"])
            let ending = try await client.get("/api/v1/placements?endingWithinDays=366")
            #expect((ending.json["items"] as? [Any])?.count == 1)
            let planned = try await client.get("/api/v1/candidates/\(candidateID)/planned-surveys")
            #expect((planned.json["items"] as? [[String: Any]] ?? []).compactMap { $0["trigger"] as? String } == ["placement_start", "assignment_end"])
            let timeline = try await client.get("/api/v1/candidates/\(candidateID)/timeline")
            #expect((timeline.json["items"] as? [[String: Any]] ?? []).contains { $0["kind"] as? String == "placement_started" })
        }
    }
}
