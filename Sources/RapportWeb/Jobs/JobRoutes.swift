import Foundation
import Hummingbird
import RapportAPI
import RapportCore

enum JobRoutes {
    static func resource(records: FirmRecords) -> ResourceRoutes<JobDocument> {
        ResourceRoutes(
            name: "jobs",
            schema: JobDocument.schema,
            list: { request, page in
                return try await records.store.jobs(try query(from: request), page: page).map(JobDocument.init)
            },
            read: { id in JobDocument(try await records.store.job(JobID(id))) },
            create: { document, _, _ in JobDocument(try await records.createJob(document.details)) },
            update: { id, version, document, _, _ in
                JobDocument(try await records.updateJob(JobID(id), expectedVersion: version, document.details))
            },
            delete: { id, _ in try await records.deleteJob(JobID(id)) })
    }

    static func query(from request: Request) throws -> JobQuery {
        JobQuery(
            status: try request.value(JobParameters.status, as: JobStatus.self),
            clientID: try request.integer(JobParameters.client).map { ClientID($0) },
            practiceID: try request.integer(JobParameters.practice).map { PracticeID($0) },
            region: try request.value(JobParameters.region, as: Region.self))
    }
}

enum ClientRoutes {
    static func resource(records: FirmRecords) -> ResourceRoutes<ClientDocument> {
        ResourceRoutes(
            name: "clients",
            schema: ClientDocument.schema,
            list: { _, page in
                return try await records.store.clients(page: page).map(ClientDocument.init)
            },
            read: { id in ClientDocument(try await records.store.client(ClientID(id))) },
            create: { document, _, _ in ClientDocument(try await records.createClient(document.details)) },
            update: { id, version, document, _, _ in
                ClientDocument(try await records.updateClient(ClientID(id), expectedVersion: version, document.details))
            },
            delete: { id, _ in try await records.store.deleteClient(ClientID(id)) })
    }
}
