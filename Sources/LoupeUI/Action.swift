import Foundation
import LoupeDomain

/// Everything that can happen to the console: a key's meaning, a clock tick, a resize, or the answer to an effect.
public enum Action: Equatable, Sendable {
    /// The console opened: read the first slice of the queue.
    case start
    /// Move the selection (or scroll) by rows; negative moves up.
    case moveBy(Int)
    /// Move by a fraction of the visible rows (0.5 for Ctrl-D, -1 for PgUp).
    case moveByPage(Double)
    case moveToTop
    case moveToBottom
    /// Open the selected item.
    case open
    /// Go back one screen (or close the help).
    case back
    /// Quit the console.
    case quit
    case toggleHelp
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    /// Read the current screen's data again.
    case refresh
    case resized(width: Int, height: Int)
    case tick(Date)
    /// A slice of the queue arrived.
    case queueLoaded(QueuePage)
    /// A request's detail arrived.
    case requestLoaded(RequestDetail)
    /// An effect failed.
    case failed(LoupeError)
    /// A key was refused; the reason is shown.
    case refused(String)
}

/// Work the reducer asks the runner to do; its result comes back as an action.
public enum Effect: Equatable, Sendable {
    /// Read a slice of the queue; answered by `.queueLoaded` or `.failed`.
    case loadQueue(QueuePageQuery)
    /// Read a request; answered by `.requestLoaded` or `.failed`.
    case loadRequest(publicId: String)
    /// Clear and repaint the terminal.
    case redrawTerminal
    /// Leave the console.
    case quit
}
