import NIOCore

/// A command to send (or `nil` to just await a reply, as for the greeting) and the promise for its reply.
struct SMTPRequest: Sendable {
    var payload: ByteBuffer?
    var replyPromise: EventLoopPromise<SMTPReply>
}

/// Raised when the server takes longer than the configured timeout to reply.
struct SMTPTimeoutError: Error {}

/// Raised when the connection closes while a reply is outstanding.
struct SMTPConnectionClosedError: Error {}

/// Matches replies to requests in order and enforces the per-request timeout.
///
/// Any failure (timeout, I/O or TLS error, protocol violation, closed connection) fails every outstanding
/// and future request with the same error and closes the channel.
final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = SMTPReply
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private let timeout: TimeAmount
    /// Failed with the first error that ends the connection, so later requests can report the real cause.
    private let closeReason: EventLoopPromise<Void>
    private var waiting = CircularBuffer<EventLoopPromise<SMTPReply>>()
    /// A reply received before the first request (the greeting may arrive before we ask for it).
    private var earlyReply: SMTPReply?
    private var hasSentRequest = false
    private var failure: (any Error)?
    private var timeoutTask: Scheduled<Void>?

    init(timeout: TimeAmount, closeReason: EventLoopPromise<Void>) {
        self.timeout = timeout
        self.closeReason = closeReason
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = Self.unwrapOutboundIn(data)
        if let failure {
            request.replyPromise.fail(failure)
            promise?.fail(failure)
            return
        }
        hasSentRequest = true
        if let earlyReply {
            self.earlyReply = nil
            request.replyPromise.succeed(earlyReply)
        } else {
            waiting.append(request.replyPromise)
            rescheduleTimeout(context: context)
        }
        if let payload = request.payload {
            context.write(Self.wrapOutboundOut(payload), promise: promise)
        } else {
            promise?.succeed()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = Self.unwrapInboundIn(data)
        if let promise = waiting.popFirst() {
            rescheduleTimeout(context: context)
            promise.succeed(reply)
        } else if !hasSentRequest && earlyReply == nil {
            earlyReply = reply
        } else {
            // Unsolicited replies are a protocol violation (or e.g. 421 before closing); never match them
            // to a later command, which matters in particular after STARTTLS.
            fail(SMTPProtocolError.unexpectedReply(reply), context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error, context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPConnectionClosedError(), context: context)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timeoutTask?.cancel()
        timeoutTask = nil
        let pending = waiting
        waiting.removeAll()
        for promise in pending { promise.fail(SMTPConnectionClosedError()) }
        closeReason.fail(SMTPConnectionClosedError())  // no-op if already failed
    }

    private func rescheduleTimeout(context: ChannelHandlerContext) {
        timeoutTask?.cancel()
        timeoutTask = nil
        guard !waiting.isEmpty else { return }
        let loopBoundSelf = NIOLoopBound(self, eventLoop: context.eventLoop)
        let loopBoundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        timeoutTask = context.eventLoop.scheduleTask(in: timeout) {
            loopBoundSelf.value.fail(SMTPTimeoutError(), context: loopBoundContext.value)
        }
    }

    private func fail(_ error: any Error, context: ChannelHandlerContext) {
        guard failure == nil else { return }
        failure = error
        timeoutTask?.cancel()
        timeoutTask = nil
        let pending = waiting
        waiting.removeAll()
        for promise in pending { promise.fail(error) }
        closeReason.fail(error)
        context.close(promise: nil)
    }
}
