@NamedInterface("audit")
package ru.rsoko.platform.audit;

import org.springframework.modulith.NamedInterface;
