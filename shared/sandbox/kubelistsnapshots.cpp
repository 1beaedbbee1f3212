// SPDX-License-Identifier: MIT
#include "kubelistsnapshots.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Amo::Sandbox {

namespace {
constexpr auto kTokenEncoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

QString KubeListSnapshots::add(Snapshot snapshot)
{
    while (!m_snapshots.isEmpty() && m_snapshots.size() >= m_max) {
        auto oldest = m_snapshots.begin();
        for (auto it = m_snapshots.begin(); it != m_snapshots.end(); ++it) {
            if (it->serial < oldest->serial)
                oldest = it;
        }
        m_snapshots.erase(oldest);
    }
    snapshot.serial = m_nextSerial++;
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8) + QString::number(snapshot.serial);
    m_snapshots.insert(id, std::move(snapshot));
    return id;
}

const KubeListSnapshots::Snapshot *KubeListSnapshots::find(const QString &id) const
{
    const auto it = m_snapshots.constFind(id);
    return it == m_snapshots.constEnd() ? nullptr : &*it;
}

void KubeListSnapshots::expireBefore(const QDateTime &cutoff)
{
    m_snapshots.removeIf([&](const auto &it) { return it.value().created < cutoff; });
}

QString KubeListSnapshots::encode(const Position &position, const QString &startKey)
{
    // Shaped like apiserver's token ({"v","rv","start"}) plus our snapshot id and offset.
    const QJsonObject o {{u"v"_s, u"meta.k8s.io/v1"_s},
                         {u"rv"_s, position.resourceVersion},
                         {u"start"_s, startKey},
                         {u"snap"_s, position.snapshotId},
                         {u"off"_s, position.offset}};
    return QString::fromLatin1(QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(kTokenEncoding));
}

std::optional<KubeListSnapshots::Position> KubeListSnapshots::decode(const QString &token)
{
    const auto decoded = QByteArray::fromBase64Encoding(token.toLatin1(), kTokenEncoding);
    if (!decoded)
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(*decoded).object();
    if (o.value(u"v"_s).toString() != u"meta.k8s.io/v1" || !o.value(u"snap"_s).isString())
        return std::nullopt;
    Position p;
    p.snapshotId = o.value(u"snap"_s).toString();
    p.resourceVersion = o.value(u"rv"_s).toInteger();
    p.offset = o.value(u"off"_s).toInteger();
    p.startKey = o.value(u"start"_s).toString();
    if (p.offset < 0)
        return std::nullopt;
    return p;
}

} // namespace Amo::Sandbox
