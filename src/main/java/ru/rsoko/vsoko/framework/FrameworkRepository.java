package ru.rsoko.vsoko.framework;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface FrameworkRepository extends JpaRepository<Framework, Long> {

    List<Framework> findByRegionIdOrderByYearDescIdDesc(long regionId);

    List<Framework> findAllByOrderByYearDescIdDesc();

    Optional<Framework> findFirstByRegionIdOrderByYearDescIdDesc(long regionId);
}
