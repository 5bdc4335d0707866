// Package store keeps hyeopchi's records in one bbolt file: the plan's
// districts, community innovation plans, platform consortia, school
// sessions, events, submissions, budget lines and milestones, with the
// programme's rules, an audit log of every change, schema migrations and
// backups. It is the only package that knows bbolt; every exported method
// that changes data is one transaction.
package store
