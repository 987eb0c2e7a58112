#pragma once

// Reads for the review: the review comments of a phase, and what is needed to find the phase's
// diff (its initiative and branch, the initiative's projects, the worktrees of its agents).
// Writes go through the manual-actions write path (repositories/writes/actions.h).
// Methods use the calling thread's read connection: call them from a worker.

#include "database.h"
#include "entities.h"
#include "review/reviewtypes.h"

#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>

namespace cwi {

class ReviewCommentRepository
{
public:
    virtual ~ReviewCommentRepository() = default;
    // Oldest first. ERROR gets a message when the read fails (missing table: empty, no error).
    virtual QVector<ReviewComment> findByPhaseId(const QString &phaseId, QString *error = nullptr) const = 0;
    virtual std::optional<ReviewComment> findById(const QString &id) const = 0;
};

std::unique_ptr<ReviewCommentRepository> makeReviewCommentRepository(std::shared_ptr<Database> db);

ReviewTarget readReviewTarget(const std::shared_ptr<Database> &db, const QString &phaseId);

} // namespace cwi
