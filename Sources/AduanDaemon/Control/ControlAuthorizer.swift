import AduanControl
import Foundation
import Glibc

/// Who may do what on the control socket (DESIGN.md "Control protocol"), from the caller's `SO_PEERCRED`:
/// root, the daemon's own user and members of the admin group may change state; members of the socket's group may
/// read; anyone else is refused (`aduanctl` exits 77).
struct ControlAuthorizer: Sendable {
    /// What a caller may do.
    enum Permission: Comparable, Sendable {
        case none
        case read
        case change
    }

    /// The admin group's name, for messages.
    let adminGroupName: String
    private let adminGroup: gid_t?
    private let readGroup: gid_t?
    private let daemonUser: uid_t

    /// Creates an authorizer.
    ///
    /// - Parameters:
    ///   - adminGroupName: the group whose members may change state (default `aduan-admin`; absent = nobody).
    ///   - readGroup: the socket's group, whose members may read.
    init(adminGroupName: String = "aduan-admin", readGroup: gid_t?) {
        self.adminGroupName = adminGroupName
        adminGroup = Self.groupID(named: adminGroupName)
        self.readGroup = readGroup
        daemonUser = getuid()
    }

    /// What `peer` may do; an unknown peer may do nothing.
    func permission(for peer: PeerIdentity?) -> Permission {
        guard let peer else { return .none }
        if peer.uid == 0 || peer.uid == daemonUser { return .change }
        let groups = Self.groups(of: peer)
        if let adminGroup, groups.contains(adminGroup) { return .change }
        if let readGroup, groups.contains(readGroup) { return .read }
        return .none
    }

    /// The user name of a uid, or `?`.
    static func userName(of uid: uid_t) -> String {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4_096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return "?" }
        return String(cString: entry.pw_name)
    }

    /// The peer's primary group and every supplementary group of its user.
    private static func groups(of peer: PeerIdentity) -> Set<gid_t> {
        var groups: Set<gid_t> = [peer.gid]
        let name = userName(of: peer.uid)
        guard name != "?" else { return groups }
        var count: Int32 = 64
        var list = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(name, peer.gid, &list, &count) == -1 {
            list = [gid_t](repeating: 0, count: Int(count))
            _ = getgrouplist(name, peer.gid, &list, &count)
        }
        groups.formUnion(list.prefix(Int(max(0, count))))
        return groups
    }

    private static func groupID(named name: String) -> gid_t? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 4_096)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.gr_gid
    }
}
