// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace Amo::Config {

/**
 * The lookup label keys from --kubernetes.label.format, a Go Sprintf pattern with one %s
 * ("msi.azure.k8s.io/%s" → "msi.azure.k8s.io/name"). An empty format means no lookup labels.
 */
class LabelFormat
{
public:
    explicit LabelFormat(const QString &format);

    bool isEnabled() const { return !m_format.isEmpty(); }
    /** Empty when the format yields valid label keys; otherwise names the key and the problem. */
    QString error() const { return m_error; }

    QString subscriptionKey() const { return m_subscription; }
    QString resourceGroupKey() const { return m_resourceGroup; }
    QString nameKey() const { return m_name; }

private:
    QString m_format;
    QString m_subscription;
    QString m_resourceGroup;
    QString m_name;
    QString m_error;
};

} // namespace Amo::Config
