import Foundation
import Hummingbird
import RapportAPI
import RapportCore

enum PracticeRoutes {
    static func resource(records: FirmRecords) -> ResourceRoutes<PracticeDocument> {
        ResourceRoutes(
            name: "practices",
            schema: PracticeDocument.schema,
            list: { _, page in
                return try await records.store.practices(page: page).map(PracticeDocument.init)
            },
            read: { id in PracticeDocument(try await records.store.practice(PracticeID(id))) },
            create: { document, _, context in
                try context.requireAdmin("create practices")
                return PracticeDocument(try await records.createPractice(document.details))
            },
            update: { id, version, document, _, context in
                try context.requireAdmin("change practices")
                return PracticeDocument(try await records.updatePractice(PracticeID(id), expectedVersion: version, document.details))
            },
            delete: { id, context in
                try context.requireAdmin("delete practices")
                try await records.store.deletePractice(PracticeID(id))
            })
    }
}

enum UserRoutes {
    static func resource(records: FirmRecords) -> ResourceRoutes<UserDocument> {
        ResourceRoutes(
            name: "users",
            schema: UserDocument.schema,
            list: { _, page in
                return try await records.store.users(page: page).map(UserDocument.init)
            },
            read: { id in UserDocument(try await records.store.user(UserID(id))) },
            create: { document, _, context in
                try context.requireAdmin("create users")
                return UserDocument(try await records.createUser(document.details))
            },
            update: { id, version, document, _, context in
                try context.requireAdmin("change users")
                return UserDocument(try await records.updateUser(UserID(id), expectedVersion: version, document.details,
                                                                 by: try context.requireUser().id))
            },
            delete: { id, context in
                try context.requireAdmin("delete users")
                if try context.requireUser().id.rawValue == id {
                    throw APIError(status: .conflict, code: "in_use", message: "you cannot delete your own user")
                }
                try await records.store.deleteUser(UserID(id))
            })
    }
}
