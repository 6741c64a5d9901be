import Foundation
import RapportCore
import Testing

@Suite("Store contract: jobs, clients, practices, users, tokens")
struct FirmContractTests {
    @Test("a job with skills and owners reads back whole and updates with its version", arguments: StoreKind.allCases)
    func jobRoundTrip(kind: StoreKind) async throws {
        let fixture = try await Fixture(kind)
        let created = try await fixture.store.createJob(fixture.job(), at: now)
        #expect(try await fixture.store.job(created.id) == created)
        var changed = created.details
        changed.requiredSkills.removeLast()
        changed.status = .onHold
        let updated = try await fixture.store.updateJob(created.id, expectedVersion: 1, changed, at: now)
        #expect(updated.version == 2)
        #expect(try await fixture.store.job(created.id).details == changed)
        let stale = await rapportError { _ = try await fixture.store.updateJob(created.id, expectedVersion: 1, fixture.job(), at: now) }
        #expect(stale == .staleVersion(entity: "job", id: created.id.description, expected: 1, actual: 2))
    }

    @Test("a job's pay may be undisclosed, or per week or month in any currency, and reads back as written", arguments: StoreKind.allCases)
    func jobPayKinds(kind: StoreKind) async throws {
        let fixture = try await Fixture(kind)
        var details = fixture.job()
        details.pay = nil
        let undisclosed = try await fixture.store.createJob(details, at: now)
        #expect(try await fixture.store.job(undisclosed.id).details.pay == nil)
        details.pay = PayRange(minimum: Money(major: 6_500, .eur, per: .month), maximum: Money(major: 8_000, .eur, per: .month))
        let monthly = try await fixture.store.updateJob(undisclosed.id, expectedVersion: 1, details, at: now)
        #expect(try await fixture.store.job(undisclosed.id) == monthly)
        details.pay = PayRange(minimum: Money(major: 2_500, .aud, per: .week), maximum: Money(major: 3_000, .aud, per: .week))
        let weekly = try await fixture.store.createJob(details, at: now)
        #expect(try await fixture.store.job(weekly.id).details.pay == details.pay)
    }

    @Test("a remote job's scope reads back as written, from anywhere, from countries or within time zones", arguments: StoreKind.allCases)
    func remoteScopes(kind: StoreKind) async throws {
        let fixture = try await Fixture(kind)
        var details = fixture.job()
        details.remotePolicy = .remote
        let scopes: [RemoteScope?] = [
            nil, .anywhere, .countries(["GB", "IE"], contractorsAbroad: true),
            .timeZones(["Europe/London", "America/New_York"], overlapHours: 3),
        ]
        for scope in scopes {
            details.remoteScope = scope
            let job = try await fixture.store.createJob(details, at: now)
            #expect(try await fixture.store.job(job.id).details.remoteScope == scope)
        }
    }

    @Test("jobs filter by status, client, practice and region", arguments: StoreKind.allCases)
    func jobFilters(kind: StoreKind) async throws {
        let fixture = try await Fixture(kind)
        let open = try await fixture.store.createJob(fixture.job(title: "A"), at: now)
        var held = fixture.job(title: "B")
        held.status = .onHold
        _ = try await fixture.store.createJob(held, at: now)
        #expect(try await fixture.store.jobs(JobQuery(status: .open), page: PageRequest()).items.map(\.id) == [open.id])
        #expect(try await fixture.store.jobs(JobQuery(clientID: fixture.client.id), page: PageRequest()).total == 2)
        #expect(try await fixture.store.jobs(JobQuery(practiceID: fixture.java.id), page: PageRequest()).total == 0)
        #expect(try await fixture.store.jobs(JobQuery(region: .uk), page: PageRequest()).total == 2)
    }

    @Test("a client with jobs cannot be deleted; without them it can", arguments: StoreKind.allCases)
    func clientInUse(kind: StoreKind) async throws {
        let fixture = try await Fixture(kind)
        let job = try await fixture.store.createJob(fixture.job(), at: now)
        guard case .inUse = await rapportError({ try await fixture.store.deleteClient(fixture.client.id) }) else {
            Issue.record("expected inUse")
            return
        }
        try await fixture.store.deleteJob(job.id)
        try await fixture.store.deleteClient(fixture.client.id)
        #expect(await rapportError { _ = try await fixture.store.client(fixture.client.id) } == .notFound(entity: "client", id: fixture.client.id.description))
    }

    @Test("client and practice names are unique regardless of case", arguments: StoreKind.allCases)
    func uniqueNames(kind: StoreKind) async throws {
        let fixture = try await Fixture(kind)
        let client = await rapportError { _ = try await fixture.store.createClient(ClientDetails(name: "harbour bank", industry: "x", region: .us)) }
        #expect(client == .duplicate(field: "name", message: "is the name of another client"))
        let practice = await rapportError { _ = try await fixture.store.createPractice(PracticeDetails(name: "JAVA & JVM")) }
        #expect(practice == .duplicate(field: "name", message: "is the name of another practice"))
    }

    @Test("a practice with members cannot be deleted", arguments: StoreKind.allCases)
    func practiceInUse(kind: StoreKind) async throws {
        let fixture = try await Fixture(kind)
        guard case .inUse = await rapportError({ try await fixture.store.deletePractice(fixture.java.id) }) else {
            Issue.record("expected inUse")
            return
        }
        let empty = try await fixture.store.createPractice(PracticeDetails(name: "Empty desk"))
        try await fixture.store.deletePractice(empty.id)
        #expect(try await fixture.store.practices(page: PageRequest()).total == 2)
    }

    @Test("a user keeps the order of their practices and updates with their version", arguments: StoreKind.allCases)
    func users(kind: StoreKind) async throws {
        let fixture = try await Fixture(kind)
        #expect(try await fixture.store.user(fixture.recruiter.id) == fixture.recruiter)
        #expect(try await fixture.store.user(email: "RITA@rapport.test") == fixture.recruiter)
        var details = fixture.recruiter.details
        details.practiceIDs = [fixture.java.id]
        details.role = .practiceLead
        let updated = try await fixture.store.updateUser(fixture.recruiter.id, expectedVersion: 1, details)
        #expect(try await fixture.store.user(fixture.recruiter.id) == updated)
        let duplicate = await rapportError {
            _ = try await fixture.store.createUser(UserDetails(email: "rita@RAPPORT.test", name: "Twin", role: .admin, region: .us))
        }
        #expect(duplicate == .duplicate(field: "email", message: "belongs to another user"))
    }

    @Test("deleting a user leaves their candidates without an owner", arguments: StoreKind.allCases)
    func deleteUser(kind: StoreKind) async throws {
        let fixture = try await Fixture(kind)
        let candidate = try await fixture.store.createCandidate(fixture.profile(), at: now)
        try await fixture.store.deleteUser(fixture.recruiter.id)
        #expect(try await fixture.store.candidate(candidate.id).profile.ownerID == nil)
    }

    @Test("a token hash finds its active user only", arguments: StoreKind.allCases)
    func tokens(kind: StoreKind) async throws {
        let fixture = try await Fixture(kind)
        try await fixture.store.saveAPIToken(hash: "abc123", userID: fixture.recruiter.id, label: "test", at: now)
        #expect(try await fixture.store.user(apiTokenHash: "abc123")?.id == fixture.recruiter.id)
        #expect(try await fixture.store.user(apiTokenHash: "abc124") == nil)
        var inactive = fixture.recruiter.details
        inactive.active = false
        _ = try await fixture.store.updateUser(fixture.recruiter.id, expectedVersion: 1, inactive)
        #expect(try await fixture.store.user(apiTokenHash: "abc123") == nil)
    }

    @Test("skills keep their aliases; an alias belongs to one skill only", arguments: StoreKind.allCases)
    func skills(kind: StoreKind) async throws {
        let fixture = try await Fixture(kind)
        #expect(try await fixture.store.skill(fixture.kubernetes.id).aliases == ["k8s", "kube"])
        #expect(try await fixture.store.allSkills().map(\.name) == ["Kotlin", "Kubernetes", "Terraform"])
        let error = await rapportError {
            _ = try await fixture.store.createSkill(SkillDraft(name: "Kube Thing", aliases: ["K8S"], category: "devops", practiceID: nil))
        }
        #expect(error == .duplicate(field: "aliases[0]", message: "is already a skill or an alias of one"))
    }
}

@Suite("Store contract: importing jobs")
struct JobImportContractTests {
    @Test("a batch of jobs creates a new client once, updates an imported job, and keeps where each came from",
          arguments: StoreKind.allCases)
    func batch(kind: StoreKind) async throws {
        let fixture = try await Fixture(kind)
        let existing = try await fixture.store.createJob(fixture.job(title: "SRE"), at: now)
        var changed = existing.details
        changed.openings = 3
        let fjord = ClientDetails(name: "Fjord Analytics", industry: "not stated", region: .uk)
        let stored = try await fixture.store.applyJobChanges([
            JobChange(.create, fixture.job(title: "Data Engineer"), newClient: fjord, sourceReference: "Fjord:DE-1"),
            JobChange(.update(existing.id, expectedVersion: 1), changed, sourceReference: "https://jobs.example/sre"),
            JobChange(.create, fixture.job(title: "Analytics Engineer"), newClient: fjord),
        ], provenance: ImportProvenance(format: "schema-org-job", fileName: "jobs.jsonld", runBy: fixture.recruiter.id, records: [1, 2, 4]),
        at: now)
        #expect(stored.map(\.details.title) == ["Data Engineer", "SRE", "Analytics Engineer"])
        #expect(stored.map(\.version) == [1, 2, 1])
        let client = try #require(try await fixture.store.client(name: "FJORD analytics"))
        #expect(stored[0].details.clientID == client.id && stored[2].details.clientID == client.id)
        #expect(try await fixture.store.job(existing.id).details.openings == 3)
        #expect(try await fixture.store.job(sourceReference: "Fjord:DE-1")?.id == stored[0].id)
        #expect(try await fixture.store.job(sourceReference: "https://jobs.example/sre")?.id == existing.id)
        #expect(try await fixture.store.job(sourceReference: "nothing") == nil)
        let history = try await fixture.store.importHistory(job: existing.id)
        #expect(history.map(\.record) == [2] && history.map(\.outcome) == [.updated] && history.first?.format == "schema-org-job")
        #expect(try await fixture.store.importHistory(job: stored[2].id).map(\.record) == [4])

        // A stale version in the batch: no job and no client of it is kept.
        let failed = await rapportError {
            _ = try await fixture.store.applyJobChanges([
                JobChange(.create, fixture.job(title: "Tester"), newClient: ClientDetails(name: "Kea Labs", industry: "x", region: .nz)),
                JobChange(.update(existing.id, expectedVersion: 1), changed),
            ], provenance: ImportProvenance(format: "schema-org-job", fileName: "again.jsonld", runBy: nil, records: [1, 2]), at: now)
        }
        #expect(failed == .staleVersion(entity: "job", id: existing.id.description, expected: 1, actual: 2))
        #expect(try await fixture.store.client(name: "Kea Labs") == nil)
        #expect(try await fixture.store.jobs(JobQuery(), page: PageRequest()).total == 3)
        #expect(try await fixture.store.importHistory(job: existing.id).count == 1)
    }
}

@Suite("Store contract: uploads waiting to be imported")
struct PendingImportContractTests {
    @Test("an upload is kept with its options until it is deleted or cleared", arguments: StoreKind.allCases)
    func pending(kind: StoreKind) async throws {
        let fixture = try await Fixture(kind)
        let upload = PendingImport(token: "0123456789abcdef0123", fileName: "people.csv", format: "csv", region: .nz, commitValid: true,
                                   mapping: Data(#"{"Mail": "email"}"#.utf8), content: Data("Name,Mail\n".utf8), uploadedBy: fixture.recruiter.id,
                                   uploadedAt: Date(timeIntervalSince1970: 1_795_000_000))
        try await fixture.store.savePendingImport(upload)
        #expect(try await fixture.store.pendingImport(token: upload.token) == upload)
        #expect(try await fixture.store.pendingImport(token: "no-such-token-here") == nil)
        try await fixture.store.deletePendingImport(token: upload.token)
        #expect(try await fixture.store.pendingImport(token: upload.token) == nil)
        var old = upload
        old.token = "fedcba9876543210fedc"
        old.mapping = nil
        old.format = nil
        old.region = nil
        old.uploadedAt = upload.uploadedAt.addingTimeInterval(-2 * 86_400)
        try await fixture.store.savePendingImport(old)
        #expect(try await fixture.store.pendingImport(token: old.token) == old)
        #expect(try await fixture.store.deletePendingImports(before: upload.uploadedAt.addingTimeInterval(-86_400)) == 1)
        #expect(try await fixture.store.pendingImport(token: old.token) == nil)
    }
}
